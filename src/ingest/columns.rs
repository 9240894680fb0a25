//! The columns of an orders log: the roles a column can play, one value per
//! role, and the user's choice of column. Finding them by header is
//! [`super::headers`]' job.

use serde::Serialize;

use super::number::RawValue;
use crate::error::{ErrorCode, FieldError};
use crate::format::plain_number;
use crate::locale::Locale;
use crate::text::{field_error, Texts};

/// A column the user picked: by position (0-based) or by header text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnRef {
    /// The n-th column, from 0.
    Index(usize),
    /// The column whose header reads so (case and surrounding blanks ignored).
    Name(String),
}

impl ColumnRef {
    /// A column as a caller names it: a whole number from 0 (its position)
    /// or a header's text; anything else is refused as a column the file
    /// does not have, marked on `field` (the role it was picked for).
    pub fn from_raw(raw: &RawValue, field: &str, lang: Locale) -> Result<ColumnRef, FieldError> {
        let given = match raw {
            RawValue::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n <= f64::from(u32::MAX) => {
                return Ok(ColumnRef::Index(*n as usize));
            }
            RawValue::Text(text) if !text.trim().is_empty() => return Ok(ColumnRef::Name(text.clone())),
            RawValue::Number(n) => plain_number(*n, 9, true),
            RawValue::Text(text) => text.clone(),
            RawValue::Other => String::new(),
        };
        Err(field_error(lang, field, ErrorCode::UnknownColumn, "data.error.unknown_column", &[("column", given)]))
    }

    /// The column's position, or the error that says the file has no such
    /// column (`field` names what it was picked for).
    pub fn resolve_or_error(
        &self,
        header: Option<&[String]>,
        width: usize,
        field: &str,
        lang: Locale,
    ) -> Result<usize, FieldError> {
        self.resolve(header, width).ok_or_else(|| {
            let given = match self {
                ColumnRef::Index(i) => (i + 1).to_string(),
                ColumnRef::Name(n) => n.clone(),
            };
            field_error(lang, field, ErrorCode::UnknownColumn, "data.error.unknown_column", &[("column", given)])
        })
    }

    /// The column's position in a table with this header, if it has one.
    pub fn resolve(&self, header: Option<&[String]>, width: usize) -> Option<usize> {
        match self {
            ColumnRef::Index(i) => (*i < width.max(header.map_or(0, <[String]>::len))).then_some(*i),
            ColumnRef::Name(name) => {
                let wanted = fold(name);
                header?.iter().position(|h| fold(h) == wanted)
            }
        }
    }
}

/// What the user said about one role's column.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Pick {
    /// Nothing: the column is found by its header.
    #[default]
    Find,
    /// This column.
    Column(ColumnRef),
    /// The file has no such column (a log whose rows are whole orders has
    /// no order id), so a header that looks like one is not used.
    Absent,
}

/// A column's role in an orders log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Customer ids, names, e-mails or card numbers.
    Customer,
    /// Dates.
    Date,
    /// Amounts.
    Amount,
    /// Order, receipt or invoice numbers, when rows are order lines.
    Order,
    /// The state of an order or payment (`paid`, `voided`, `Anulowane`).
    Status,
    /// The amount given back (`Refunded Amount`).
    Refund,
    /// The currency of the amounts (`PLN`, `EUR`).
    Currency,
}

impl Role {
    /// Every role, in the order of [`Columns`]' fields.
    pub const ALL: [Role; 7] =
        [Role::Customer, Role::Date, Role::Amount, Role::Order, Role::Status, Role::Refund, Role::Currency];

    /// The role's id (`"customer"`): the field of its errors, the key of its
    /// column in the report, and its name's key in the language files.
    pub fn id(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Date => "date",
            Role::Amount => "amount",
            Role::Order => "order",
            Role::Status => "status",
            Role::Refund => "refund",
            Role::Currency => "currency",
        }
    }
}

/// One value per role of an orders log: where each column is
/// (`Columns<Option<usize>>`), what it is called (`Columns<Option<String>>`),
/// what the user picked (`Columns<Pick>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Columns<T> {
    /// Who bought.
    pub customer: T,
    /// When.
    pub date: T,
    /// How much.
    pub amount: T,
    /// Which order a row belongs to.
    pub order: T,
    /// Whether the order was paid, cancelled or refunded.
    pub status: T,
    /// How much of it was given back.
    pub refund: T,
    /// In which currency.
    pub currency: T,
}

impl<T> Columns<T> {
    /// A value for each role, made by `f`.
    pub fn from_fn(mut f: impl FnMut(Role) -> T) -> Columns<T> {
        Columns {
            customer: f(Role::Customer),
            date: f(Role::Date),
            amount: f(Role::Amount),
            order: f(Role::Order),
            status: f(Role::Status),
            refund: f(Role::Refund),
            currency: f(Role::Currency),
        }
    }

    /// The value for one role.
    pub fn get(&self, role: Role) -> &T {
        match role {
            Role::Customer => &self.customer,
            Role::Date => &self.date,
            Role::Amount => &self.amount,
            Role::Order => &self.order,
            Role::Status => &self.status,
            Role::Refund => &self.refund,
            Role::Currency => &self.currency,
        }
    }

    /// The value for one role, to change.
    pub fn get_mut(&mut self, role: Role) -> &mut T {
        match role {
            Role::Customer => &mut self.customer,
            Role::Date => &mut self.date,
            Role::Amount => &mut self.amount,
            Role::Order => &mut self.order,
            Role::Status => &mut self.status,
            Role::Refund => &mut self.refund,
            Role::Currency => &mut self.currency,
        }
    }

    /// Each role's value turned into another, role by role.
    pub fn map<U>(self, mut f: impl FnMut(Role, T) -> U) -> Columns<U> {
        Columns {
            customer: f(Role::Customer, self.customer),
            date: f(Role::Date, self.date),
            amount: f(Role::Amount, self.amount),
            order: f(Role::Order, self.order),
            status: f(Role::Status, self.status),
            refund: f(Role::Refund, self.refund),
            currency: f(Role::Currency, self.currency),
        }
    }
}

/// Serializes only the roles that have a value (`{ "customer": "Klient", … }`
/// without `order` when the log has none).
pub fn present_only<T: Serialize, S: serde::Serializer>(
    columns: &Columns<Option<T>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let present = Role::ALL.into_iter().filter_map(|role| columns.get(role).as_ref().map(|value| (role.id(), value)));
    serializer.collect_map(present)
}

/// The name of a column role (`customer`, `date`, `score`…) in the reader's
/// language, for messages.
pub fn role_name(lang: Locale, role: &str) -> String {
    Texts::for_locale(lang).get(&format!("data.role.{role}")).to_string()
}

/// Words that mark a total row in the customer or date cell.
const TOTAL_WORDS: [&str; 20] = [
    "total",
    "totals",
    "grand total",
    "sum",
    "suma",
    "razem",
    "ogółem",
    "итого",
    "всего",
    "итог",
    "gesamt",
    "summe",
    "total général",
    "totale",
    "somma",
    "разом",
    "усього",
    "всього",
    "subtotal",
    "suma całkowita",
];

/// Whether a cell marks a total or summary row (`Total`, `Razem:`, `Итого`).
///
/// Called on every row, so it compares without allocating.
pub fn is_total(cell: &str) -> bool {
    let cell = cell.trim_end_matches([':', '.']);
    TOTAL_WORDS.iter().any(|word| word.len() == cell.len() && cell.chars().map(fold_char).eq(word.chars()))
}

/// Lower-cases the letters headers use (ASCII, Latin-1 as German, French,
/// Spanish and Italian write, Polish, Cyrillic with Ukrainian) and trims.
/// Written out rather than Unicode's full table, which would cost the page
/// more than every header it will ever read.
pub fn fold(text: &str) -> String {
    text.trim().chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        'Ґ' => 'ґ',
        'Ą' => 'ą',
        'Ć' => 'ć',
        'Ę' => 'ę',
        'Ł' => 'ł',
        'Ń' => 'ń',
        'Ó' => 'ó',
        'Ś' => 'ś',
        'Ź' => 'ź',
        'Ż' => 'ż',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn columns_resolve_by_position_or_name() {
        let h = header(&["Klient", "Data", "Kwota"]);
        assert_eq!(ColumnRef::Name(" kwota ".into()).resolve(Some(&h), 3), Some(2));
        assert_eq!(ColumnRef::Index(1).resolve(Some(&h), 3), Some(1));
        assert_eq!(ColumnRef::Index(3).resolve(Some(&h), 3), None);
        assert_eq!(ColumnRef::Name("Kwota".into()).resolve(None, 3), None);
    }
}
