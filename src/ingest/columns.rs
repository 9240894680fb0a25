//! Finding the columns that matter by their header, in English, Polish or
//! Russian, or taking the user's choice.
//!
//! A header names its column in many ways (`Customer email`, `Nr klienta`,
//! `Дата заказа`), so each role has a list of word stems and a column takes
//! the first role whose stem it contains, in an order that settles the usual
//! clashes: `Order date` is a date, `Order total` an amount, `Order ID` an
//! order.

use serde::{Deserialize, Serialize};

/// A column the user picked: by position (0-based) or by header text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum ColumnRef {
    /// The n-th column, from 0.
    Index(usize),
    /// The column whose header reads so (case and surrounding blanks ignored).
    Name(String),
}

impl ColumnRef {
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

/// Columns of a transactions log, by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TransactionColumns {
    /// Who bought.
    pub customer: usize,
    /// When.
    pub date: usize,
    /// How much.
    pub amount: usize,
    /// Which order the row belongs to, when rows are order lines.
    pub order: Option<usize>,
}

/// A column's role in a transactions log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Dates.
    Date,
    /// Amounts.
    Amount,
    /// Customer ids, names, e-mails or card numbers.
    Customer,
    /// Order, receipt or invoice numbers.
    Order,
}

/// Word stems per role, in the order roles are tried. Lower case.
const STEMS: [(Role, &[&str]); 4] = [
    (Role::Date, &["date", "time", "day", "data", "czas", "dzień", "дата", "время", "день"]),
    (
        Role::Amount,
        &[
            "amount",
            "total",
            "sum",
            "revenue",
            "price",
            "paid",
            "value",
            "kwota",
            "wartość",
            "wartosc",
            "suma",
            "brutto",
            "cena",
            "сумма",
            "стоимость",
            "итого",
            "цена",
        ],
    ),
    (
        Role::Customer,
        &[
            "customer",
            "client",
            "email",
            "e-mail",
            "member",
            "buyer",
            "user",
            "guest",
            "klient",
            "nabywca",
            "kontrahent",
            "клиент",
            "покупатель",
            "почта",
            "гость",
        ],
    ),
    (
        Role::Order,
        &[
            "order",
            "receipt",
            "invoice",
            "transaction",
            "ticket",
            "zamówien",
            "zamowien",
            "paragon",
            "faktura",
            "transakc",
            "заказ",
            "чек",
            "счет",
            "счёт",
        ],
    ),
];

/// The role a header names, if any.
pub fn role_of(header: &str) -> Option<Role> {
    let header = fold(header);
    STEMS.iter().find(|(_, stems)| stems.iter().any(|s| header.contains(s))).map(|(role, _)| *role)
}

/// The first column of each role in a header.
pub fn find_roles(header: &[String]) -> [Option<usize>; 4] {
    let roles = [Role::Customer, Role::Date, Role::Amount, Role::Order];
    roles.map(|role| header.iter().position(|h| role_of(h) == Some(role)))
}

/// Words that mark a total row in the customer or date cell.
const TOTAL_WORDS: [&str; 10] =
    ["total", "totals", "grand total", "sum", "suma", "razem", "ogółem", "итого", "всего", "итог"];

/// Whether a cell marks a total or summary row (`Total`, `Razem:`, `Итого`).
///
/// Called on every row, so it compares without allocating.
pub fn is_total(cell: &str) -> bool {
    let cell = cell.trim_end_matches([':', '.']);
    TOTAL_WORDS.iter().any(|word| word.len() == cell.len() && cell.chars().map(fold_char).eq(word.chars()))
}

/// Lower-cases the letters headers use (ASCII, Polish, Cyrillic) and trims.
/// Written out rather than Unicode's full table, which would cost the page
/// more than every header it will ever read.
pub fn fold(text: &str) -> String {
    text.trim().chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ё' => 'ё',
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
    fn finds_roles_in_three_languages() {
        assert_eq!(
            find_roles(&header(&["Customer email", "Order date", "Order total", "Order ID"])),
            [Some(0), Some(1), Some(2), Some(3)]
        );
        assert_eq!(
            find_roles(&header(&["Nr klienta", "Data zamówienia", "Kwota", "Numer zamówienia"])),
            [Some(0), Some(1), Some(2), Some(3)]
        );
        assert_eq!(
            find_roles(&header(&["Номер заказа", "Дата", "КЛИЕНТ", "Сумма, руб."])),
            [Some(2), Some(1), Some(3), Some(0)]
        );
        assert_eq!(
            find_roles(&header(&["ZAMÓWIENIE", "KLIENT", "DATA", "WARTOŚĆ"])),
            [Some(1), Some(2), Some(3), Some(0)]
        );
    }

    #[test]
    fn a_missing_role_is_none() {
        assert_eq!(find_roles(&header(&["name", "when", "how much"])), [None, None, None, None]);
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
