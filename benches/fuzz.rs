//! A fuzz driver on stable Rust: `cargo bench --bench fuzz -- --seconds 600`
//! (`--seed N` to repeat a run, `--limit-ms N` for the time one input may
//! take; `--replay FILE` times a saved input through each analysis with the
//! default options). Not part of `npm test`: it runs until its time is up.
//!
//! It feeds the engine random bytes, the CSV fixtures of `tests/fixtures/`
//! mutated, and generated CSV (random delimiters, quotes, line breaks,
//! headers, huge and tiny numbers, odd dates), and every metric of the
//! catalog random values, and checks that each call
//! - returns instead of panicking (`catch_unwind`),
//! - returns within the time limit (each input runs on a thread of its own;
//!   the limit is wall-clock time, 10 s by default, as a thread starved by a
//!   build on a shared machine takes seconds over a 100 ms input; the
//!   slowest inputs are reported), and
//! - returns a result that serde_json can write and whose every number is
//!   finite.
//!
//! serde_json writes NaN and ∞ as `null`, indistinguishable from a real
//! `null`, so finiteness is checked on the result's `Debug` text instead:
//! outside string literals, a non-finite `f64` is written `NaN`, `inf` or
//! `-inf` there and nothing else is.
//!
//! The inputs come from a small seeded generator (SplitMix64) rather than
//! proptest or arbitrary: the driver needs neither shrinking nor derived
//! generators, only bytes and choices that one printed seed reproduces.
//! Findings are written to `target/fuzz-findings/` with the call they broke.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use retention_metrics::analysis::costs::{analyze_costs, CostOptions};
use retention_metrics::analysis::export::{write_table, Cell, Sheet};
use retention_metrics::analysis::periods::PeriodKind;
use retention_metrics::analysis::survey::{analyze_survey, SurveyKind, SurveyOptions};
use retention_metrics::analysis::{analyze_transactions, TransactionOptions};
use retention_metrics::ingest::date::{read_date, DateOrder};
use retention_metrics::ingest::number::read_number;
use retention_metrics::predict::bgnbd::{self, BgNbd, Group};
use retention_metrics::predict::customers::{predict_customers, PredictOptions};
use retention_metrics::predict::History;
use retention_metrics::{catalog, compute, ComputeOptions, Locale, RawInputs, RawValue};

/// SplitMix64: tiny, fast, and one seed repeats a whole run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FIXTURES: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/ambiguous-dates.csv"),
    include_bytes!("../tests/fixtures/bad-rows.csv"),
    include_bytes!("../tests/fixtures/excel-unicode-text.txt"),
    include_bytes!("../tests/fixtures/formula-injection.csv"),
    include_bytes!("../tests/fixtures/no-header.csv"),
    include_bytes!("../tests/fixtures/nothing-usable.csv"),
    include_bytes!("../tests/fixtures/pipes.txt"),
    include_bytes!("../tests/fixtures/polish-excel-1250.csv"),
    include_bytes!("../tests/fixtures/russian-excel-1251.csv"),
    include_bytes!("../tests/fixtures/tabs.tsv"),
    include_bytes!("../tests/e2e/files/costs.csv"),
    include_bytes!("../tests/e2e/files/nps-answers.csv"),
];

/// Pieces that mean something to a CSV or number reader.
const TOKENS: &[&str] = &[
    ",",
    ";",
    "\t",
    "|",
    "\"",
    "\"\"",
    "\r",
    "\n",
    "\r\n",
    "\u{feff}",
    "\u{a0}",
    " ",
    "'",
    "-",
    "−",
    "+",
    "(",
    ")",
    ".",
    "0",
    "9",
    "=",
    "@",
    "%",
    "$",
    "zł",
    "руб.",
    "1,234",
    "1.234,56",
    "(-5)",
    "-0",
    "1e308",
    "NaN",
    "inf",
    "Total",
    "Razem",
    "Итого",
    "customer",
    "date",
    "amount",
    "order",
    "score",
    "category",
    "2024-02-30",
    "31/12/9999",
    "0000-00-00",
    "1000-01-01",
    "9999-12-31",
    "\u{0}",
    "\u{fffd}",
    "ą",
    "ж",
];

const HEADERS: &[&str] = &[
    "customer",
    "email",
    "klient",
    "клиент",
    "date",
    "data",
    "дата",
    "amount",
    "total",
    "kwota",
    "сумма",
    "order",
    "score",
    "nps",
    "category",
    "cost",
    "x",
    "",
];

fn huge_or_tiny_number(rng: &mut Rng) -> String {
    match rng.below(12) {
        0 => "9".repeat(1 + rng.below(400)),
        1 => format!("0.{}1", "0".repeat(rng.below(400))),
        2 => format!("-{}", "9".repeat(1 + rng.below(40))),
        3 => format!("({})", rng.below(100_000)),
        4 => format!("(-{})", rng.below(1000)),
        5 => format!("{} {:03},{:02}", rng.below(1000), rng.below(1000), rng.below(100)),
        6 => format!("{}.{:03}.{:03},{}", rng.below(1000), rng.below(1000), rng.below(1000), rng.below(100)),
        7 => format!("${}", f64::from_bits(rng.next())),
        8 => "-0".to_string(),
        9 => format!("{}e{}", rng.below(10), rng.below(400)),
        10 => format!("{} zł", rng.below(1_000_000)),
        _ => format!("{}.{}", rng.below(1_000_000), rng.below(100)),
    }
}

fn odd_date(rng: &mut Rng) -> String {
    let year = *rng.pick(&[0, 1, 99, 1000, 1899, 1970, 2024, 2099, 2100, 9999, 65535, 100_000]);
    let (month, day) = (rng.below(15), rng.below(35));
    match rng.below(7) {
        0 => format!("{year:04}-{month:02}-{day:02}"),
        1 => format!("{day:02}.{month:02}.{year}"),
        2 => format!("{day}/{month}/{year}"),
        3 => format!("{month:02}/{day:02}/{year} {:02}:{:02}", rng.below(30), rng.below(70)),
        4 => format!("{year}-{month}-{day}T{}:00:00Z", rng.below(25)),
        5 => format!("{year}{month:02}{day:02}"),
        _ => format!("{year:04}-{month:02}-{day:02}"),
    }
}

fn cell(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => huge_or_tiny_number(rng),
        1 => odd_date(rng),
        2 => format!("C{}", rng.below(50)),
        3 => rng.pick(TOKENS).to_string(),
        4 => rng.pick(HEADERS).to_string(),
        _ => (0..rng.below(12)).map(|_| char::from(b' ' + rng.below(95) as u8)).collect(),
    }
}

/// A CSV of random shape: header or not, a delimiter, quoting and line
/// breaks of its own, cells of every kind.
fn generated_csv(rng: &mut Rng) -> Vec<u8> {
    let delimiter = *rng.pick(&[",", ";", "\t", "|", " "]);
    let line_break = *rng.pick(&["\n", "\r\n", "\r"]);
    let width = 1 + rng.below(5);
    let mut text = String::new();
    if rng.chance(4) {
        text.push('\u{feff}');
    }
    if !rng.chance(4) {
        let header: Vec<&str> = (0..width).map(|_| *rng.pick(HEADERS)).collect();
        text.push_str(&header.join(delimiter));
        text.push_str(line_break);
    }
    for _ in 0..rng.below(300) {
        let cells: Vec<String> = (0..width + usize::from(rng.chance(10)))
            .map(|_| {
                let c = cell(rng);
                if rng.chance(5) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c
                }
            })
            .collect();
        text.push_str(&cells.join(delimiter));
        text.push_str(line_break);
    }
    text.into_bytes()
}

fn mutated(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 if !bytes.is_empty() => {
                let last = bytes.len() - 1;
                bytes[at.min(last)] ^= 1 << rng.below(8);
            }
            1 => {
                let token = rng.pick(TOKENS).as_bytes().to_vec();
                bytes.splice(at..at, token);
            }
            2 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(200)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            _ => {
                let value = huge_or_tiny_number(rng).into_bytes();
                bytes.splice(at..at, value);
            }
        }
    }
    bytes
}

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    (0..rng.below(2000)).map(|_| rng.next() as u8).collect()
}

fn file(rng: &mut Rng) -> Vec<u8> {
    match rng.below(3) {
        0 => random_bytes(rng),
        1 => {
            let seed = *rng.pick(FIXTURES);
            mutated(rng, seed)
        }
        _ => generated_csv(rng),
    }
}

fn raw_value(rng: &mut Rng) -> Option<RawValue> {
    Some(match rng.below(6) {
        0 => return None,
        1 => RawValue::Number(f64::from_bits(rng.next())),
        2 => {
            RawValue::Number(*rng.pick(&[0.0, -0.0, 1.0, 1e-300, 1e300, f64::MAX, f64::MIN_POSITIVE, 1e15, 0.5, 100.0]))
        }
        3 => RawValue::Number(rng.below(1000) as f64),
        4 => RawValue::Other,
        _ => RawValue::Text(huge_or_tiny_number(rng)),
    })
}

fn locale(rng: &mut Rng) -> Locale {
    *rng.pick(&[Locale::En, Locale::Pl, Locale::Ru])
}

/// Whether `debug` (a value's `Debug` text) holds a non-finite float.
fn has_non_finite(debug: &str) -> bool {
    let mut in_string = false;
    let mut escaped = false;
    let mut word = String::new();
    for c in debug.chars().chain([' ']) {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        if word == "NaN" || word == "inf" {
            return true;
        }
        word.clear();
        in_string = c == '"';
    }
    false
}

/// One call's check of its result: written by serde_json, every number finite.
fn check<T: serde::Serialize + std::fmt::Debug>(result: &T) -> Result<(), String> {
    serde_json::to_string(result).map_err(|e| format!("serde_json failed: {e}"))?;
    if has_non_finite(&format!("{result:?}")) {
        return Err(format!("non-finite number in {result:?}").chars().take(2000).collect());
    }
    Ok(())
}

/// A call to make: its name (for the report), the input bytes to save with a
/// finding, and the call itself.
struct Case {
    target: &'static str,
    input: Vec<u8>,
    run: Box<dyn FnOnce() -> Result<(), String> + Send>,
}

/// A metric's id and its inputs' ids.
type Metric = (&'static str, Vec<&'static str>);

fn case(rng: &mut Rng, metrics: &[Metric]) -> Case {
    let lang = locale(rng);
    match rng.below(9) {
        7 => {
            let bytes = file(rng);
            let mut options = PredictOptions {
                horizon_months: 1 + rng.below(120) as u32,
                discount_percent: *rng.pick(&[0.0, 1.0, 37.5, 100.0]),
                ..PredictOptions::default()
            };
            options.analysis.window_days = 1 + rng.below(3650) as u32;
            options.analysis.log.lang = lang;
            let input = bytes.clone();
            Case {
                target: "predict_customers",
                input,
                run: Box::new(move || match predict_customers(&bytes[..], &options, &mut |_| {}) {
                    Ok(report) => check(&report),
                    Err(error) => check(&error),
                }),
            }
        }
        8 => {
            // Histories and parameters anywhere in their domains, extremes
            // included: every answer finite, P(alive) a probability.
            let extreme = [1e-9, 1e-3, 0.5, 1.0, 7.0, 1e3, 1e7, 1e9];
            let params = BgNbd {
                r: *rng.pick(&extreme),
                alpha: *rng.pick(&extreme),
                a: *rng.pick(&extreme),
                b: *rng.pick(&extreme),
            };
            let groups: Vec<Group> = (0..1 + rng.below(400))
                .map(|_| {
                    let t = rng.below(2000) as f64 / 7.0;
                    let x = if rng.chance(3) { 0 } else { rng.below(300) as u32 };
                    let t_x = if x == 0 { 0.0 } else { t * (rng.below(1001) as f64 / 1000.0) };
                    Group {
                        history: History { x, t_x, t, monetary: 0.0, holdout_x: 0 },
                        weight: 1.0 + rng.below(5) as f64,
                    }
                })
                .collect();
            let weeks = *rng.pick(&[0.0, 1e-6, 4.345, 52.0, 520.0, 5218.0]);
            Case {
                target: "bg_nbd",
                input: format!("{params:?} {weeks} {groups:?}").chars().take(4000).collect::<String>().into_bytes(),
                run: Box::new(move || {
                    for group in &groups {
                        let forecast = params.forecast(&group.history, weeks);
                        if !(0.0..=1.0).contains(&forecast.p_alive)
                            || !forecast.expected.is_finite()
                            || forecast.expected < 0.0
                        {
                            return Err(format!("{params:?} {:?} {weeks}: {forecast:?}", group.history));
                        }
                        if let Some(by_book) = expected_by_the_book(&params, &group.history, weeks) {
                            if (forecast.expected - by_book).abs() > 1e-6 * by_book.abs().max(1e-3) {
                                let expected = forecast.expected;
                                let history = group.history;
                                return Err(format!(
                                    "{params:?} {history:?} {weeks}: {expected}, the plain series {by_book}"
                                ));
                            }
                        }
                    }
                    match bgnbd::fit(&groups) {
                        Ok(fit) => check(&fit),
                        Err(_) => Ok(()),
                    }
                }),
            }
        }
        0 => {
            let bytes = file(rng);
            let mut options = TransactionOptions { window_days: 1 + rng.below(3650) as u32, ..Default::default() };
            options.period = if rng.chance(2) { PeriodKind::Month } else { PeriodKind::Quarter };
            options.log.date_order =
                *rng.pick(&[None, Some(DateOrder::Dmy), Some(DateOrder::Mdy), Some(DateOrder::Ymd)]);
            options.log.lang = lang;
            let input = bytes.clone();
            Case {
                target: "analyze_transactions",
                input,
                run: Box::new(move || match analyze_transactions(&bytes[..], &options, &mut |_| {}) {
                    Ok(report) => check(&report),
                    Err(error) => check(&error),
                }),
            }
        }
        1 => {
            let bytes = file(rng);
            let kind = *rng.pick(&[SurveyKind::Nps, SurveyKind::Csat, SurveyKind::Ces]);
            let scale_max = *rng.pick(&[None, Some(5), Some(7), Some(10)]);
            let options = SurveyOptions { kind, column: None, scale_max, lang };
            let input = bytes.clone();
            Case {
                target: "analyze_survey",
                input,
                run: Box::new(move || match analyze_survey(&bytes, &options) {
                    Ok(report) => check(&report),
                    Err(error) => check(&error),
                }),
            }
        }
        2 => {
            let bytes = file(rng);
            let active_customers = *rng.pick(&[None, Some(0), Some(1), Some(700), Some(1 << 53)]);
            let options = CostOptions { active_customers, lang };
            let input = bytes.clone();
            Case {
                target: "analyze_costs",
                input,
                run: Box::new(move || match analyze_costs(&bytes, &options) {
                    Ok(report) => check(&report),
                    Err(error) => check(&error),
                }),
            }
        }
        3 => {
            let text = if rng.chance(2) { huge_or_tiny_number(rng) } else { cell(rng) };
            let given = *rng.pick(&[None, Some(Locale::En), Some(Locale::Pl)]);
            Case {
                target: "read_number",
                input: text.clone().into_bytes(),
                run: Box::new(move || match read_number(&text, given) {
                    Ok(value) if !value.is_finite() => Err(format!("{value}")),
                    Ok(value) if value == 0.0 && value.is_sign_negative() => Err("-0".into()),
                    _ => Ok(()),
                }),
            }
        }
        4 => {
            let text = if rng.chance(2) { odd_date(rng) } else { cell(rng) };
            Case {
                target: "read_date",
                input: text.clone().into_bytes(),
                run: Box::new(move || {
                    std::hint::black_box(read_date(&text));
                    Ok(())
                }),
            }
        }
        5 => {
            let values: Vec<f64> = (0..1 + rng.below(6)).map(|_| f64::from_bits(rng.next())).collect();
            let money = rng.chance(2);
            Case {
                target: "write_table",
                input: format!("{values:?}").into_bytes(),
                run: Box::new(move || {
                    let row = values.iter().map(|&v| if money { Cell::Money(v) } else { Cell::Number(v) }).collect();
                    let text = write_table(Sheet::for_locale(lang), [row]);
                    let bad = ["NaN", "inf", "e"].iter().any(|word| text.to_lowercase().contains(word));
                    if bad {
                        Err(text)
                    } else {
                        Ok(())
                    }
                }),
            }
        }
        _ => {
            let (id, input_ids) = rng.pick(metrics);
            let id = *id;
            let inputs: RawInputs = input_ids.iter().map(|input| (input.to_string(), raw_value(rng))).collect();
            let options = ComputeOptions {
                locale: *rng.pick(&[None, Some(Locale::En), Some(Locale::Pl)]),
                lang: Some(lang),
                sector: rng.chance(2).then(|| rng.pick(&["restaurants", "saas", "retail", "nope"]).to_string()),
                ..Default::default()
            };
            Case {
                target: "compute",
                input: format!("{id} {inputs:?}").into_bytes(),
                run: Box::new(move || match compute(id, &inputs, &options) {
                    Ok(result) => check(&result),
                    Err(rejected) => check(&rejected.errors),
                }),
            }
        }
    }
}

/// BG/NBD's conditional expectation summed term by term from the paper's
/// own ₂F₁ series, where that is well conditioned (z ≤ 0.9, a away from
/// 1, no large cancellation): a second opinion on the engine's
/// transformed series and its integral.
fn expected_by_the_book(p: &BgNbd, h: &History, t: f64) -> Option<f64> {
    let x = f64::from(h.x);
    let (big_a, big_b, c) = (p.r + x, p.b + x, p.a + p.b + x - 1.0);
    let z = t / (p.alpha + h.t + t);
    if !(1e-6..=0.9).contains(&z) || (p.a - 1.0).abs() < 0.05 || c < 0.05 {
        return None;
    }
    let (mut term, mut sum, mut largest) = (1.0f64, 1.0f64, 1.0f64);
    for n in 0..200_000 {
        let n = f64::from(n);
        term *= (big_a + n) * (big_b + n) / ((c + n) * (n + 1.0)) * z;
        sum += term;
        largest = largest.max(term.abs());
        if term.abs() < 1e-17 * sum.abs() && n > big_a + big_b {
            break;
        }
    }
    // (1 − z)^(r + x) from ln_1p: powf of a rounded 1 − z, raised to a
    // power in the millions, would be the error measured.
    let scaled = (-big_a * (t / (p.alpha + h.t)).ln_1p()).exp() * sum;
    let bracket = 1.0 - scaled;
    // Too many digits cancelled to be a second opinion.
    if !scaled.is_finite() || largest > 1e6 || bracket.abs() < 1e-6 {
        return None;
    }
    Some(c / (p.a - 1.0) * bracket * p.p_alive(h))
}

struct Settings {
    seconds: u64,
    seed: u64,
    limit: Duration,
}

fn settings() -> Settings {
    let mut settings = Settings { seconds: 60, seed: 0, limit: Duration::from_secs(10) };
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)?.parse::<u64>().ok());
    settings.seconds = value("--seconds").unwrap_or(settings.seconds);
    settings.limit = value("--limit-ms").map_or(settings.limit, Duration::from_millis);
    settings.seed = value("--seed").unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
    });
    settings
}

fn save(name: &str, input: &[u8], what: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-findings");
    let path = dir.join(format!("{name}.bin"));
    let saved = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(&path, input));
    let _ = std::fs::write(path.with_extension("txt"), what);
    match saved {
        Ok(()) => path.display().to_string(),
        Err(error) => format!("(not saved: {error})"),
    }
}

/// Times one saved input through each analysis, with the default options.
fn replay(path: &str) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let time = |name: &str, run: &dyn Fn() -> String| {
        let started = Instant::now();
        let outcome = run();
        println!("fuzz: replay {name}: {} ms, {outcome}", started.elapsed().as_millis());
    };
    let orders = [None, Some(DateOrder::Dmy), Some(DateOrder::Mdy), Some(DateOrder::Ymd)];
    for (period, date_order) in orders.iter().map(|&o| (PeriodKind::Month, o)).chain([(PeriodKind::Quarter, None)]) {
        let mut options = TransactionOptions { period, ..Default::default() };
        options.log.date_order = date_order;
        time(&format!("analyze_transactions ({period:?}, {date_order:?})"), &|| match analyze_transactions(
            &bytes[..],
            &options,
            &mut |_| {},
        ) {
            Ok(r) => format!("{} rows, {} periods, {} cohorts", r.input.rows, r.periods.len(), r.cohorts.len()),
            Err(e) => e.message,
        });
    }
    let survey = SurveyOptions { kind: SurveyKind::Nps, column: None, scale_max: None, lang: Locale::En };
    time("analyze_survey", &|| {
        analyze_survey(&bytes, &survey).map_or_else(|e| e.message, |r| format!("{} answers", r.responses))
    });
    time("analyze_costs", &|| {
        analyze_costs(&bytes, &CostOptions::default())
            .map_or_else(|e| e.message, |r| format!("{} categories", r.categories.len()))
    });
}

fn main() {
    if let Some(i) = std::env::args().position(|a| a == "--replay") {
        return replay(&std::env::args().nth(i + 1).expect("--replay FILE"));
    }
    let settings = settings();
    let metrics: Vec<Metric> =
        catalog(Locale::En).iter().map(|m| (m.id, m.inputs.iter().map(|i| i.id).collect())).collect();
    println!("fuzz: seed {}, {} s, {} ms per input", settings.seed, settings.seconds, settings.limit.as_millis());
    let mut rng = Rng(settings.seed);
    let deadline = Instant::now() + Duration::from_secs(settings.seconds);
    let mut tried: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut slowest: Vec<(Duration, &str, String)> = Vec::new();
    let mut findings = Vec::new();
    while Instant::now() < deadline {
        let Case { target, input, run } = case(&mut rng, &metrics);
        *tried.entry(target).or_default() += 1;
        let (send, receive) = mpsc::channel();
        let started = Instant::now();
        std::thread::spawn(move || {
            let outcome = catch_unwind(AssertUnwindSafe(run));
            let _ = send.send(outcome);
        });
        let outcome = receive.recv_timeout(settings.limit);
        let took = started.elapsed();
        let problem = match outcome {
            Ok(Ok(Ok(()))) => None,
            Ok(Ok(Err(what))) => Some(format!("bad result: {what}")),
            Ok(Err(panic)) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                Some(format!("panic: {message}"))
            }
            Err(_) => Some(format!("hang: no answer after {} ms", took.as_millis())),
        };
        if slowest.len() < 5 || took > slowest[slowest.len() - 1].0 {
            let path = if took > Duration::from_millis(100) {
                save(&format!("slow-{}ms-{target}", took.as_millis()), &input, "slow")
            } else {
                String::new()
            };
            slowest.push((took, target, path));
            slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
            slowest.truncate(5);
        }
        if let Some(problem) = problem {
            let path = save(&format!("{:04}-{target}", findings.len()), &input, &problem);
            println!("fuzz: FINDING in {target}: {} (input {path})", problem.chars().take(300).collect::<String>());
            let hang = problem.starts_with("hang");
            findings.push((target, problem));
            if hang {
                println!("fuzz: stopping: the hung call still runs on its thread");
                break;
            }
        }
    }
    let total: usize = tried.values().sum();
    println!("fuzz: {total} inputs tried: {tried:?}");
    for (took, target, path) in &slowest {
        println!("fuzz: slow: {target} {} ms {path}", took.as_millis());
    }
    println!("fuzz: {} findings", findings.len());
    if !findings.is_empty() {
        std::process::exit(1);
    }
}
