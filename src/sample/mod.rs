//! Sample coffee-shop transaction logs, generated rather than shipped.
//!
//! Three things need a transaction log that looks like a real café's till
//! export without being anyone's real data:
//!
//! * the page's "Try it with sample data" button, so a café owner can see
//!   retention, cohorts and segments before uploading their own file
//!   ([`SampleOptions::coffee_shop`]);
//! * the benchmark, which needs a million rows in no particular order
//!   ([`SampleOptions::benchmark`]);
//! * golden tests, which need the same file every time.
//!
//! So the log is **deterministic, not random**: every "random" choice comes
//! from a small seeded generator written in this file (SplitMix64), and the
//! arithmetic is integer only, so a given [`SampleOptions`] yields
//! byte-for-byte the same CSV natively and in WebAssembly, today and in a
//! year. Changing the seed gives another café with the same character.
//!
//! ## What the simulated café is like
//!
//! Customers keep arriving over the whole range, a little more in the autumn
//! and at weekends, a little less in January and the summer, and somewhat
//! more as the café grows. A share of them are already regulars when the log
//! begins, as in any export taken from a café that was open before. Each
//! customer has a habit:
//!
//! | habit | share | visits |
//! |---|---|---|
//! | daily regular | 8 % | several a week, fewer at weekends |
//! | weekly regular | 15 % | about once a week |
//! | monthly visitor | 18 % | about once a month |
//! | occasional | 20 % | two to five visits, months apart |
//! | one-off | 39 % | once (a few return once, much later) |
//!
//! Regulars stop coming after a random lifetime (geometric, in months), so
//! churn exists; some come back after half a year or more (reactivation),
//! often less often than before. Visits thin out in August and around the
//! new year, the café is closed on 25 December, and now and then a customer
//! orders twice on the same day. An order is a basket of one to four items
//! from the menu below, starting with a drink (a regular's usual drink more
//! often than not); a Saturday basket is a little bigger; about one order in
//! four hundred is a catering order of 40.00–120.00. Prices go up by 0.20 an
//! item on the first day of the month one year after the log begins.

pub mod billing;

use crate::calendar::Day;
use crate::error::FieldError;
use crate::ingest::number::RawValue;
use crate::ingest::options::choice;
use crate::locale::Locale;

/// What log to generate: how big a café, over which days, from which seed,
/// in which order and how many rows at most.
///
/// The fields are public so a test or a demo can ask for a smaller or a
/// differently seeded café; the presets are what the page and the benchmark
/// use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleOptions {
    /// How many customers the simulated café has over the range. Each gets
    /// an id, in order of arrival; with `max_rows` some may lose all their
    /// orders to the cap, so fewer appear in the log.
    pub customers: u32,
    /// The first day of the log (no order is earlier).
    pub first_day: Day,
    /// The last day of the log, inclusive (no order is later). The café's
    /// "today" in any analysis of the log.
    pub last_day: Day,
    /// The seed of every pseudo-random choice: the same seed gives the same
    /// log, byte for byte.
    pub seed: u64,
    /// Rows in pseudo-random order instead of by date, as a careless export
    /// (or a merge of several tills) would give; readers must not rely on
    /// order.
    pub shuffled: bool,
    /// Caps the log at this many rows. When the simulated café sells more,
    /// an evenly drawn subset of exactly this many orders is kept (every
    /// order equally likely), so the cap thins the whole range rather than
    /// cutting off its end.
    pub max_rows: Option<usize>,
}

impl SampleOptions {
    /// The sample a name as given asks for: `"coffee"` (when left out) or
    /// `"benchmark"`.
    pub fn from_option(raw: Option<&RawValue>, lang: Locale) -> Result<SampleOptions, FieldError> {
        let named = |name: &str| match name {
            "coffee" => Some(SampleOptions::coffee_shop()),
            "benchmark" => Some(SampleOptions::benchmark()),
            _ => None,
        };
        Ok(choice(raw, "sample", "data.error.sample", named, lang)?.unwrap_or_else(SampleOptions::coffee_shop))
    }

    /// The log behind the page's "Try it with sample data" button: a café
    /// with 600 customers from 2024-09-01 to 2026-11-20 (about 26 months;
    /// the last month is partial, as a real export's would be), rows in date
    /// order, about 11,500 orders (270 kB): small enough to build on a click,
    /// big enough for cohorts and segments to mean something.
    pub fn coffee_shop() -> SampleOptions {
        SampleOptions {
            customers: 600,
            first_day: ymd(2024, 9, 1),
            last_day: ymd(2026, 11, 20),
            seed: 0xC0FF_EE00_2024_0901,
            shuffled: false,
            max_rows: None,
        }
    }

    /// The benchmark log: exactly 1,000,000 rows from about 92,000 distinct
    /// customers (ids `C000001`…), about 25 MB, shuffled so no reader can
    /// take a shortcut from date order, over the same kind of date range as
    /// the page's sample. The simulated café is a busy one (133,000
    /// customers, about 2.8 million orders); the cap keeps an even million
    /// orders, so regulars keep most of their visits and about a third of
    /// the one-off customers survive, which leaves about 92,000 customers.
    pub fn benchmark() -> SampleOptions {
        SampleOptions {
            customers: 133_000,
            first_day: ymd(2024, 9, 1),
            last_day: ymd(2026, 11, 20),
            seed: 0xBE9C_4A4B_0001_0000,
            shuffled: true,
            max_rows: Some(1_000_000),
        }
    }
}

fn ymd(year: i32, month: u32, day: u32) -> Day {
    Day::from_ymd(year, month, day).expect("a preset's date is a real date")
}

/// The CSV text of the log described by `options`: a header
/// `customer,date,amount`, then one line per order, `\n` line ends, e.g.
/// `C00042,2025-03-14,7.60`. Dates are ISO 8601, amounts have a dot and
/// always two decimals, customer ids are `C` and a zero-padded number (at
/// least five digits, more when the count needs them), so the file reads
/// the same in every locale.
///
/// ```
/// use retention_metrics::calendar::Day;
/// use retention_metrics::sample::{sample_transactions, SampleOptions};
///
/// let options = SampleOptions {
///     customers: 40,
///     first_day: Day::from_ymd(2025, 1, 1).unwrap(),
///     last_day: Day::from_ymd(2025, 6, 30).unwrap(),
///     seed: 7,
///     shuffled: false,
///     max_rows: Some(100),
/// };
/// let csv = sample_transactions(&options);
/// let mut lines = csv.lines();
/// assert_eq!(lines.next(), Some("customer,date,amount"));
/// let first: Vec<&str> = lines.next().unwrap().split(',').collect();
/// assert!(first[0].starts_with('C') && first[0].len() == 6);
/// assert!(first[1].starts_with("2025-"));
/// assert!(csv.lines().count() <= 101);
/// // Deterministic: the same options give the same text.
/// assert_eq!(csv, sample_transactions(&options));
/// ```
pub fn sample_transactions(options: &SampleOptions) -> String {
    let mut rows = generate_rows(options);
    let mut order = SplitMix64::new(mix(options.seed ^ ORDER_STREAM));
    // Fisher–Yates. In date order too: shuffling first and then sorting by
    // day stably mixes the customers within each day, as a till would.
    for i in (1..rows.len()).rev() {
        let j = order.below(i as u64 + 1) as usize;
        rows.swap(i, j);
    }
    if !options.shuffled {
        rows.sort_by_key(|row| row.day);
    }
    write_csv(options, &rows)
}

/// One order: the customer's number, the day, the amount in cents. Kept
/// small so a million of them can be shuffled or sorted cheaply before any
/// text exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    customer: u32,
    day: i32,
    cents: u32,
}

/// SplitMix64 (Steele, Lea and Flood, 2014; the seeding generator of
/// `java.util.SplittableRandom` and of the xoshiro family): a 64-bit counter
/// stepped by the golden-ratio constant and scrambled by a bijective
/// finaliser. Statistically good for simulation, tiny, and pure integer
/// arithmetic, hence identical on every platform. Not for secrets.
pub(crate) struct SplitMix64(u64);

impl SplitMix64 {
    pub(crate) fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// A number in `0..n` (`n` > 0), by multiply-and-shift (Lemire): no
    /// division, and a bias below 2⁻³² for every `n` used here.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `low..=high`.
    pub(crate) fn between(&mut self, low: i32, high: i32) -> i32 {
        low + self.below((high - low + 1) as u64) as i32
    }

    /// True with probability `per_mille` / 1000.
    pub(crate) fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < u64::from(per_mille)
    }

    /// An index drawn with the given integer weights.
    pub(crate) fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut r = self.below(u64::from(total)) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if r < w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }

    /// How many times in a row an event of probability `per_mille` / 1000
    /// happens (a geometric draw built from Bernoulli trials, so without
    /// logarithms, whose rounding can differ between platforms).
    fn streak(&mut self, per_mille: u32, cap: u32) -> u32 {
        let mut k = 0;
        while k < cap && self.chance(per_mille) {
            k += 1;
        }
        k
    }
}

/// The SplitMix64 finaliser (a bijection on 64 bits): turns a seed and a
/// customer number into an unrelated stream start.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Stream labels, so the café plan, each customer, the cap and the row
/// order draw from unrelated sequences and changing one does not shift the
/// others.
const PLAN_STREAM: u64 = 0x504C_414E_0000_0001;
const CUSTOMER_STREAM: u64 = 0x4355_5354_0000_0002;
const CAP_STREAM: u64 = 0x4341_5000_0000_0003;
const ORDER_STREAM: u64 = 0x4F52_4445_0000_0004;

/// The menu: name, price in cents, how often it is picked. Drinks first: an
/// order starts with one.
const MENU: [(&str, u32, u32); 18] = [
    ("espresso", 280, 9),
    ("americano", 320, 13),
    ("latte", 420, 15),
    ("cappuccino", 390, 13),
    ("flat white", 400, 10),
    ("mocha", 450, 4),
    ("hot chocolate", 380, 4),
    ("tea", 250, 7),
    ("iced latte", 460, 4),
    ("orange juice", 350, 3),
    ("croissant", 310, 8),
    ("pain au chocolat", 330, 4),
    ("sandwich", 650, 6),
    ("cake", 450, 6),
    ("cookie", 220, 4),
    ("bagel", 480, 3),
    ("granola bowl", 550, 2),
    ("muffin", 340, 4),
];
const DRINKS: usize = 10;

/// Running totals of the menu's weights, made once at compile time, so a
/// pick is one draw and a short scan.
const MENU_CUMULATIVE: [u32; MENU.len()] = {
    let mut totals = [0; MENU.len()];
    let mut running = 0;
    let mut i = 0;
    while i < MENU.len() {
        running += MENU[i].2;
        totals[i] = running;
        i += 1;
    }
    totals
};

/// A menu item drawn by weight among the first `among` items.
fn pick_item(rng: &mut SplitMix64, among: usize) -> usize {
    let r = rng.below(u64::from(MENU_CUMULATIVE[among - 1])) as u32;
    MENU_CUMULATIVE[..among].iter().position(|&total| r < total).unwrap_or(among - 1)
}

/// New customers by month of the year (January first), relative: more in
/// the autumn, fewer in January and in the summer holidays.
const ARRIVALS_BY_MONTH: [u32; 12] = [80, 88, 100, 104, 108, 98, 86, 80, 122, 116, 106, 96];
/// New customers by weekday (Monday first), relative.
const ARRIVALS_BY_WEEKDAY: [u32; 7] = [90, 92, 94, 96, 104, 132, 112];
/// How often a regular skips a planned visit, per mille, by month: holidays
/// in August, the new year.
const SKIPS_BY_MONTH: [u32; 12] = [90, 40, 20, 20, 30, 50, 110, 200, 20, 20, 20, 70];

/// How a customer uses the café.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Habit {
    Daily,
    Weekly,
    Monthly,
    Occasional,
    OneOff,
}

impl Habit {
    const ALL: [Habit; 5] = [Habit::Daily, Habit::Weekly, Habit::Monthly, Habit::Occasional, Habit::OneOff];
    /// Shares of new customers, per mille.
    const SHARES: [u32; 5] = [80, 150, 180, 200, 390];
    /// Shares among those who are already regulars when the log begins.
    const BASE_SHARES: [u32; 3] = [250, 400, 350];

    /// The next planned visit, in days: a usual interval, now and then
    /// stretched by a break (a cold, a holiday, a busy month).
    fn gap(self, rng: &mut SplitMix64) -> i32 {
        let (usual, break_per_mille, break_days) = match self {
            Habit::Daily => ([1, 1, 1, 1, 2, 2, 2, 3, 3, 4][rng.below(10) as usize], 40, (3, 12)),
            Habit::Weekly => (rng.between(5, 9), 80, (7, 28)),
            Habit::Monthly => (rng.between(9, 22) + rng.between(9, 22), 100, (30, 90)),
            Habit::Occasional | Habit::OneOff => (rng.between(10, 80) + rng.between(10, 80), 0, (0, 0)),
        };
        if break_per_mille > 0 && rng.chance(break_per_mille) {
            usual + rng.between(break_days.0, break_days.1)
        } else {
            usual
        }
    }

    /// Days until a regular stops coming: a geometric number of months
    /// (mean 18 for daily regulars, 12 for the others) plus part of one.
    fn lifetime(self, rng: &mut SplitMix64) -> i32 {
        let keeps_per_mille = if self == Habit::Daily { 944 } else { 917 };
        30 * rng.streak(keeps_per_mille, 120) as i32 + rng.between(14, 44)
    }

    /// Chance (per mille) that a lapsed regular returns, and the habit they
    /// return with.
    fn comeback(self, rng: &mut SplitMix64) -> Option<Habit> {
        let (per_mille, lighter) = match self {
            Habit::Daily => (150, Habit::Weekly),
            Habit::Weekly => (200, Habit::Monthly),
            _ => (250, Habit::Monthly),
        };
        if !rng.chance(per_mille) {
            return None;
        }
        Some(if rng.chance(500) { lighter } else { self })
    }
}

/// What the café plan fixes for one customer before their visits are drawn.
#[derive(Debug, Clone, Copy)]
struct Plan {
    arrival: i32,
    habit: Habit,
}

/// The range's calendar, computed once: weekday, month of the year,
/// closing days. Indexed by `day - first`.
struct Calendar {
    first: i32,
    last: i32,
    price_rise: i32,
    weekday: Vec<u8>,
    month: Vec<u8>,
}

impl Calendar {
    fn new(first: Day, last: Day) -> Calendar {
        let len = (last.0 - first.0 + 1).max(0) as usize;
        let mut weekday = Vec::with_capacity(len);
        let mut month = Vec::with_capacity(len);
        for n in 0..len as i32 {
            let day = first.plus(n);
            // 1970-01-01 was a Thursday (weekday 3, Monday being 0).
            weekday.push((day.0 + 3).rem_euclid(7) as u8);
            month.push(day.month().number() as u8);
        }
        Calendar { first: first.0, last: last.0, price_rise: first.month().plus(12).first_day().0, weekday, month }
    }

    fn index(&self, day: i32) -> usize {
        (day - self.first) as usize
    }

    fn closed(&self, day: i32) -> bool {
        let i = self.index(day);
        self.month[i] == 12 && Day(day).ymd().2 == 25
    }
}

/// Rows of the log, before ordering: every order of every customer, or an
/// even subset when `max_rows` caps the log.
fn generate_rows(options: &SampleOptions) -> Vec<Row> {
    if options.first_day > options.last_day || options.customers == 0 {
        return Vec::new();
    }
    let calendar = Calendar::new(options.first_day, options.last_day);
    let plans = plan_customers(options, &calendar);
    let simulate_all = |emit: &mut dyn FnMut(Row)| {
        for (i, plan) in plans.iter().enumerate() {
            simulate_customer(options.seed, i as u32 + 1, plan, &calendar, emit);
        }
    };
    match options.max_rows {
        None => {
            let mut rows = Vec::new();
            simulate_all(&mut |row| rows.push(row));
            rows
        }
        Some(cap) => {
            // Two passes over the same deterministic simulation: count, then
            // keep exactly `cap` rows by selection sampling (Knuth's
            // Algorithm S), so memory holds only the rows kept.
            let mut total = 0u64;
            simulate_all(&mut |_| total += 1);
            let wanted = (cap as u64).min(total);
            let mut rows = Vec::with_capacity(wanted as usize);
            let mut cut = SplitMix64::new(mix(options.seed ^ CAP_STREAM));
            let mut seen = 0u64;
            simulate_all(&mut |row| {
                let still_wanted = wanted - rows.len() as u64;
                if still_wanted > 0 && cut.below(total - seen) < still_wanted {
                    rows.push(row);
                }
                seen += 1;
            });
            rows
        }
    }
}

/// Who arrives when, with which habit; customer numbers follow arrival, as
/// loyalty-card numbers do.
fn plan_customers(options: &SampleOptions, calendar: &Calendar) -> Vec<Plan> {
    let mut rng = SplitMix64::new(mix(options.seed ^ PLAN_STREAM));
    let len = calendar.weekday.len();
    // Arrival weights by day: month, weekday, and a gentle growth of a third
    // over the range.
    let mut cumulative = Vec::with_capacity(len);
    let mut total = 0u64;
    for i in 0..len {
        let growth = 3000 + 1000 * i as u64 / len as u64;
        total += u64::from(ARRIVALS_BY_MONTH[calendar.month[i] as usize - 1])
            * u64::from(ARRIVALS_BY_WEEKDAY[calendar.weekday[i] as usize])
            * growth;
        cumulative.push(total);
    }
    let mut plans: Vec<Plan> = (0..options.customers)
        .map(|_| {
            if rng.chance(150) {
                // Already a regular when the log begins: the first visit
                // falls somewhere in their usual interval.
                let habit = Habit::ALL[rng.weighted(&Habit::BASE_SHARES)];
                let phase = match habit {
                    Habit::Daily => 4,
                    Habit::Weekly => 9,
                    _ => 40,
                };
                let arrival = (calendar.first + rng.below(phase) as i32).min(calendar.last);
                Plan { arrival, habit }
            } else {
                let habit = Habit::ALL[rng.weighted(&Habit::SHARES)];
                let r = rng.below(total);
                let i = cumulative.partition_point(|&c| c <= r);
                Plan { arrival: calendar.first + i as i32, habit }
            }
        })
        .collect();
    plans.sort_by_key(|plan| plan.arrival);
    plans
}

/// Every order of one customer, from their own pseudo-random stream (so the
/// two passes of a capped log see the same orders).
fn simulate_customer(seed: u64, customer: u32, plan: &Plan, calendar: &Calendar, emit: &mut dyn FnMut(Row)) {
    let mut rng = SplitMix64::new(mix(seed ^ CUSTOMER_STREAM ^ mix(u64::from(customer))));
    let usual = rng.below(DRINKS as u64) as usize;
    let mut visit = |rng: &mut SplitMix64, day: i32, habit: Habit| {
        let mut day = day;
        while day <= calendar.last && calendar.closed(day) {
            day += 1;
        }
        if day > calendar.last {
            return;
        }
        let i = calendar.index(day);
        let weekday = calendar.weekday[i];
        if matches!(habit, Habit::Daily | Habit::Weekly | Habit::Monthly) {
            let mut skip = SKIPS_BY_MONTH[calendar.month[i] as usize - 1];
            if habit == Habit::Daily && weekday >= 5 {
                skip += 350;
            }
            if rng.chance(skip) {
                return;
            }
        }
        let orders = match rng.below(1000) {
            0..=3 => 3,
            4..=33 => 2,
            _ => 1,
        };
        for _ in 0..orders {
            let cents = basket(rng, day, weekday, habit, usual, calendar);
            emit(Row { customer, day, cents });
        }
    };

    match plan.habit {
        Habit::OneOff => {
            visit(&mut rng, plan.arrival, Habit::OneOff);
            if rng.chance(50) {
                let back = plan.arrival + rng.between(150, 600);
                visit(&mut rng, back, Habit::OneOff);
            }
        }
        Habit::Occasional => {
            let visits = [2, 2, 2, 2, 2, 3, 3, 3, 4, 5][rng.below(10) as usize];
            let mut day = plan.arrival;
            for _ in 0..visits {
                if day > calendar.last {
                    break;
                }
                visit(&mut rng, day, Habit::Occasional);
                day += Habit::Occasional.gap(&mut rng);
            }
        }
        regular => {
            let mut habit = regular;
            let mut day = plan.arrival;
            let mut end = day + habit.lifetime(&mut rng);
            let mut returned = false;
            loop {
                while day <= end && day <= calendar.last {
                    visit(&mut rng, day, habit);
                    day += habit.gap(&mut rng);
                }
                if end >= calendar.last || returned {
                    break;
                }
                match habit.comeback(&mut rng) {
                    Some(next) => {
                        habit = next;
                        day = end + rng.between(180, 540);
                        end = day + habit.lifetime(&mut rng);
                        returned = true;
                    }
                    None => break,
                }
            }
        }
    }
}

/// The amount of one order, in cents.
fn basket(rng: &mut SplitMix64, day: i32, weekday: u8, habit: Habit, usual: usize, calendar: &Calendar) -> u32 {
    if rng.below(400) == 0 {
        // Catering: coffee for an office, a birthday cake.
        return 4000 + 50 * rng.below(161) as u32;
    }
    // One item 45 %, two 32 %, three 15 %, four 8 %.
    let mut items = match rng.below(100) {
        0..=44 => 1,
        45..=76 => 2,
        77..=91 => 3,
        _ => 4,
    };
    if weekday == 5 && rng.chance(250) {
        items += 1;
    }
    let rise = if day >= calendar.price_rise { 20 } else { 0 };
    let mut cents = 0;
    for k in 0..items {
        let item = if k > 0 {
            pick_item(rng, MENU.len())
        } else if habit != Habit::OneOff && rng.chance(650) {
            usual
        } else {
            pick_item(rng, DRINKS)
        };
        cents += MENU[item].1 + rise;
    }
    cents
}

/// The CSV text of ordered rows, written into one buffer: dates come from a
/// table made once per day of the range, numbers are written digit by
/// digit, so no row allocates.
fn write_csv(options: &SampleOptions, rows: &[Row]) -> String {
    let header = "customer,date,amount\n";
    let width = id_width(options.customers);
    let mut dates = Vec::new();
    if options.first_day <= options.last_day {
        for n in 0..=(options.last_day.0 - options.first_day.0) {
            dates.extend_from_slice(options.first_day.plus(n).to_string().as_bytes());
        }
    }
    let mut out = Vec::with_capacity(header.len() + rows.len() * (width + 19));
    out.extend_from_slice(header.as_bytes());
    for row in rows {
        out.push(b'C');
        push_digits(&mut out, row.customer, width);
        out.push(b',');
        let at = (row.day - options.first_day.0) as usize * 10;
        out.extend_from_slice(&dates[at..at + 10]);
        out.push(b',');
        push_digits(&mut out, row.cents / 100, 1);
        out.push(b'.');
        push_digits(&mut out, row.cents % 100, 2);
        out.push(b'\n');
    }
    String::from_utf8(out).expect("the log is ASCII")
}

/// Digits of a customer number: at least five, and enough for the count.
fn id_width(customers: u32) -> usize {
    (customers.max(1).ilog10() as usize + 1).max(5)
}

/// `value` in decimal, zero-padded to at least `width` digits.
fn push_digits(out: &mut Vec<u8>, value: u32, width: usize) {
    let mut buffer = [b'0'; 10];
    let mut n = value;
    let mut used = 0;
    loop {
        buffer[9 - used] = b'0' + (n % 10) as u8;
        used += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let len = used.max(width.min(10));
    out.extend_from_slice(&buffer[10 - len..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small(seed: u64) -> SampleOptions {
        SampleOptions {
            customers: 300,
            first_day: ymd(2025, 1, 1),
            last_day: ymd(2025, 12, 31),
            seed,
            shuffled: false,
            max_rows: None,
        }
    }

    /// Parses a data line into (customer number, day, cents), checking its
    /// form on the way.
    fn parse(line: &str, options: &SampleOptions) -> (u32, Day, u32) {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields.len(), 3, "{line}");
        let (customer, date, amount) = (fields[0], fields[1], fields[2]);
        assert!(customer.starts_with('C'), "{line}");
        assert_eq!(customer.len(), 1 + id_width(options.customers), "{line}");
        let number: u32 = customer[1..].parse().expect(line);
        assert!(number >= 1 && number <= options.customers, "{line}");
        let b = date.as_bytes();
        assert!(b.len() == 10 && b[4] == b'-' && b[7] == b'-', "{line}");
        let day = Day::from_ymd(date[..4].parse().unwrap(), date[5..7].parse().unwrap(), date[8..].parse().unwrap())
            .expect(line);
        assert_eq!(day.to_string(), date);
        assert!(options.first_day <= day && day <= options.last_day, "{line}");
        let (units, decimals) = amount.split_once('.').expect(line);
        assert_eq!(decimals.len(), 2, "{line}");
        assert!(!units.is_empty() && (units == "0" || !units.starts_with('0')), "{line}");
        let cents = units.parse::<u32>().expect(line) * 100 + decimals.parse::<u32>().expect(line);
        assert!(cents > 0, "{line}");
        (number, day, cents)
    }

    fn parse_all(csv: &str, options: &SampleOptions) -> Vec<(u32, Day, u32)> {
        assert!(csv.ends_with('\n'));
        assert!(!csv.contains('\r'));
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some("customer,date,amount"));
        lines.map(|line| parse(line, options)).collect()
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_log() {
        let a = sample_transactions(&small(1));
        assert_eq!(a, sample_transactions(&small(1)));
        assert_ne!(a, sample_transactions(&small(2)));
        let shuffled = SampleOptions { shuffled: true, ..small(1) };
        let b = sample_transactions(&shuffled);
        assert_ne!(a, b);
        // Same orders, other order.
        let mut x: Vec<&str> = a.lines().collect();
        let mut y: Vec<&str> = b.lines().collect();
        x.sort_unstable();
        y.sort_unstable();
        assert_eq!(x, y);
    }

    #[test]
    fn the_prng_is_splitmix64() {
        // Reference values of SplitMix64 seeded with 1234567.
        let mut rng = SplitMix64::new(1234567);
        assert_eq!(rng.next_u64(), 6457827717110365317);
        assert_eq!(rng.next_u64(), 3203168211198807973);
    }

    #[test]
    fn every_line_is_well_formed_and_inside_the_range() {
        for options in [small(3), SampleOptions { max_rows: Some(500), shuffled: true, ..small(4) }] {
            let rows = parse_all(&sample_transactions(&options), &options);
            assert!(!rows.is_empty());
            if let Some(cap) = options.max_rows {
                assert_eq!(rows.len(), cap);
            }
        }
    }

    #[test]
    fn degenerate_options_give_just_the_header() {
        let none = SampleOptions { customers: 0, ..small(1) };
        assert_eq!(sample_transactions(&none), "customer,date,amount\n");
        let backwards = SampleOptions { first_day: ymd(2026, 1, 1), ..small(1) };
        assert_eq!(sample_transactions(&backwards), "customer,date,amount\n");
        let capped = SampleOptions { max_rows: Some(0), ..small(1) };
        assert_eq!(sample_transactions(&capped), "customer,date,amount\n");
        let one_day = SampleOptions { last_day: ymd(2025, 1, 1), ..small(1) };
        let rows = parse_all(&sample_transactions(&one_day), &one_day);
        assert!(rows.iter().all(|&(_, day, _)| day == ymd(2025, 1, 1)));
    }

    #[test]
    fn coffee_shop_looks_like_a_cafe() {
        let options = SampleOptions::coffee_shop();
        let csv = sample_transactions(&options);
        let rows = parse_all(&csv, &options);
        assert!((8_000..=25_000).contains(&rows.len()), "{} rows", rows.len());
        assert!(rows.windows(2).all(|w| w[0].1 <= w[1].1), "date order");
        assert_eq!(rows.last().unwrap().1, ymd(2026, 11, 20));
        assert_eq!(rows[0].1, ymd(2024, 9, 1));

        let mut days_of: Vec<Vec<Day>> = vec![Vec::new(); options.customers as usize + 1];
        for &(customer, day, _) in &rows {
            days_of[customer as usize].push(day);
        }
        let seen = days_of.iter().filter(|d| !d.is_empty()).count();
        let once = days_of.iter().filter(|d| d.len() == 1).count();
        let thrice = days_of.iter().filter(|d| d.len() >= 3).count();
        let reactivated = days_of.iter().filter(|d| d.windows(2).any(|w| w[1].0 - w[0].0 > 180)).count();
        let same_day = days_of.iter().filter(|d| d.windows(2).any(|w| w[1] == w[0])).count();
        println!("coffee_shop: {} rows, {seen} customers, {} bytes", rows.len(), csv.len());
        assert!((500..=600).contains(&seen), "{seen} customers");
        assert!(once > 50, "{once} one-off customers");
        assert!(thrice > 100, "{thrice} customers with three orders or more");
        assert!(reactivated >= 1, "{reactivated} reactivated customers");
        assert!(same_day >= 1, "{same_day} customers ordering twice a day");
        // Customers arrive in every month of the range.
        let mut first_month = std::collections::BTreeSet::new();
        for days in days_of.iter().filter(|d| !d.is_empty()) {
            first_month.insert(days[0].month());
        }
        assert_eq!(first_month.len(), 27);
        // Amounts: mostly café baskets, a few catering orders.
        let catering = rows.iter().filter(|r| r.2 >= 4000).count();
        assert!(catering >= 1 && catering * 100 < rows.len());
        assert!(rows.iter().any(|r| r.2 == 280), "an espresso alone");
        assert!(!rows.iter().any(|r| r.1.month().number() == 12 && r.1.ymd().2 == 25), "closed at Christmas");
    }

    #[test]
    fn benchmark_is_a_shuffled_million() {
        let options = SampleOptions::benchmark();
        let started = std::time::Instant::now();
        let csv = sample_transactions(&options);
        let elapsed = started.elapsed();
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some("customer,date,amount"));
        let mut seen = vec![false; options.customers as usize + 1];
        let mut rows = 0usize;
        let mut backwards = 0usize;
        let mut previous = "";
        for line in lines {
            let (id, rest) = line[1..].split_once(',').unwrap();
            seen[id.parse::<usize>().unwrap()] = true;
            let date = &rest[..10];
            if date < previous {
                backwards += 1;
            }
            previous = date;
            rows += 1;
        }
        let customers = seen.iter().filter(|&&s| s).count();
        println!("benchmark: {rows} rows, {customers} customers, {} bytes, generated in {elapsed:?}", csv.len());
        assert_eq!(rows, 1_000_000);
        assert!((85_000..=99_000).contains(&customers), "{customers} customers");
        assert!((24_000_000..=27_000_000).contains(&csv.len()), "{} bytes", csv.len());
        assert!(backwards > 100_000, "not in date order");
    }
}
