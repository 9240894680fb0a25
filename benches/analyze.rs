//! The native side of `npm run bench`: analyses the 1,000,000-row benchmark
//! log (generated with its fixed seed) several times, then predicts its
//! customers (`predict_customers`, the whole customers view) as many times,
//! and prints one JSON line: the median times, MB/s and peak heap memory of
//! each. The browser side (scripts/bench.mjs) runs the same calls in
//! headless Chromium and compares.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use retention_metrics::analysis::{analyze_transactions, TransactionOptions};
use retention_metrics::predict::customers::{predict_customers, PredictOptions};
use retention_metrics::sample::{sample_transactions, SampleOptions};

/// Counts live heap bytes and remembers the peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The median time of `runs` calls of `work` and the largest heap any of
/// them grew to above what was live before it.
fn measure<T>(runs: usize, mut work: impl FnMut() -> T) -> (f64, usize) {
    let (mut times, mut peak) = (Vec::new(), 0);
    for _ in 0..runs {
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let start = Instant::now();
        let result = work();
        times.push(start.elapsed().as_secs_f64());
        peak = peak.max(PEAK.load(Ordering::Relaxed) - before);
        std::hint::black_box(result);
    }
    (median_of(&mut times), peak)
}

fn main() {
    let runs: usize = std::env::var("BENCH_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(7);
    let log = sample_transactions(&SampleOptions::benchmark());
    let bytes = log.as_bytes();
    let options = TransactionOptions::default();
    let (median, peak) = measure(runs, || {
        let report = analyze_transactions(bytes, &options, &mut |_| {}).expect("the benchmark log analyses");
        assert_eq!(report.input.rows, 1_000_000);
        report
    });

    // The same log through the customers view: read, both models fitted,
    // every customer forecast and ranked (no calibration end, as the page
    // opens it).
    let predict = PredictOptions::default();
    let mut predicted = 0;
    let (predict_median, predict_peak) = measure(runs, || {
        let report = predict_customers(bytes, &predict, &mut |_| {}).expect("the benchmark log is predicted");
        assert!(report.model.bg_nbd.is_some(), "BG/NBD fits the benchmark log");
        predicted = report.customers.len();
        report
    });
    println!(
        "{{\"rows\":1000000,\"bytes\":{},\"customers\":{},\"median_s\":{:.4},\"mb_per_s\":{:.1},\"peak_heap_bytes\":{},\"runs\":{},\"predict_customers\":{},\"predict_median_s\":{:.4},\"predict_peak_heap_bytes\":{}}}",
        bytes.len(),
        analyze_transactions(bytes, &options, &mut |_| {}).map(|r| r.input.customers).unwrap_or(0),
        median,
        bytes.len() as f64 / 1e6 / median,
        peak,
        runs,
        predicted,
        predict_median,
        predict_peak
    );
}

/// The median of a few timings (sorted in place).
fn median_of(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}
