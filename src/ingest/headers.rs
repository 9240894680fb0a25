//! Finding the columns of an orders log by their header, confirmed by what
//! the first rows hold.
//!
//! A header names its column in many ways and languages (`Customer email`,
//! `Nr klienta`, `Дата заказа`, `Kundennummer`, `Created at`), so each role
//! has words that score a header: a name exports use for exactly that
//! column scores high, a word inside the header low, and some words rule a
//! role out (`Subtotal`, `Discount Amount` and `Lineitem price` are not the
//! order's amount; `Cancelled at` is not its date). Each header takes the
//! role it scores best in, ties going to the role listed first, so `Order
//! date` is a date, `Order total` an amount, `Order status` a status and
//! `Order ID` an order. The cells then have the last word: a column of
//! dates is never the amount, and Shopify's `Name` holding `#1001` is the
//! order number, not the customer.

use super::columns::{fold, Columns, Role};
use super::date::read_any_date;
use super::number::read_number;

/// The words that name one role's column. All lower case, as [`fold`] makes them.
struct Words {
    role: Role,
    /// Whole headers that exports use for this column and nothing else.
    best: &'static [&'static str],
    /// Whole headers that name it, less surely.
    exact: &'static [&'static str],
    /// Words that name it inside a longer header.
    stems: &'static [&'static str],
    /// Words that rule the role out, wherever they appear.
    not: &'static [&'static str],
}

/// The roles in the order ties between them are settled.
const WORDS: [Words; 7] = [
    Words {
        role: Role::Date,
        best: &["created at", "date", "order date", "data", "дата", "datum", "fecha", "data zamówienia", "дата заказа"],
        exact: &[
            "paid at",
            "processed at",
            "created",
            "created (utc)",
            "time",
            "day",
            "when",
            "data złożenia",
            "дата создания",
        ],
        stems: &[
            "date",
            "time",
            "data",
            "czas",
            "dzień",
            "дата",
            "время",
            "день",
            "datum",
            "zeit",
            "erstellt",
            "heure",
            "jour",
            "créé",
            "fecha",
            "hora",
            "día",
            "giorno",
            "час",
            "creato",
            "creado",
            "utworzon",
            "создан",
        ],
        not: &[
            "cancel",
            "refund",
            "fulfil",
            "ship",
            "updat",
            "due",
            "birth",
            "expir",
            "urodz",
            "рожд",
            "anul",
            "отмен",
            "storn",
            "wysył",
            "достав",
            "zwrot",
            "возврат",
            "modif",
            "changed",
            "zmian",
            "изменен",
        ],
    },
    Words {
        role: Role::Refund,
        // Square's `Partial Refunds` is not among them: its `Total
        // Collected` has them taken off already.
        best: &["refunded amount", "amount refunded", "refund", "refunds", "zwrot", "возврат"],
        exact: &["kwota zwrotu", "сумма возврата", "erstattung", "remboursement", "reembolso", "rimborso"],
        stems: &["refund", "zwrot", "zwróc", "возврат", "erstatt", "rembours", "reembols", "rimbors", "поверн"],
        not: &["date", "data", "дата", "datum", "fecha", " at", "status", "reason", "powód", "причин", "partial"],
    },
    Words {
        role: Role::Amount,
        best: &[
            "total",
            "amount",
            "kwota",
            "сумма",
            "betrag",
            "montant",
            "importe",
            "importo",
            "сума",
            "total collected",
        ],
        exact: &[
            "gross",
            "revenue",
            "price",
            "paid",
            "value",
            "sales",
            "net sales",
            "wartość",
            "brutto",
            "итого",
            "gesamt",
        ],
        stems: &[
            "amount",
            "total",
            "sum",
            "revenue",
            "price",
            "paid",
            "value",
            "sales",
            "gross",
            "kwota",
            "wartość",
            "wartosc",
            "suma",
            "brutto",
            "cena",
            "zapłac",
            "сумма",
            "стоимость",
            "итого",
            "цена",
            "оплачен",
            "выручка",
            "betrag",
            "summe",
            "gesamt",
            "preis",
            "umsatz",
            "montant",
            "prix",
            "somme",
            "importe",
            "monto",
            "precio",
            "importo",
            "totale",
            "prezzo",
            "somma",
            "сума",
            "вартість",
            "ціна",
            "разом",
        ],
        not: &[
            "subtotal",
            "sub total",
            "sub-total",
            "discount",
            "tax",
            "shipping",
            "lineitem",
            "line item",
            "quantity",
            "qty",
            "refund",
            "fee",
            "tip",
            "vat",
            "converted",
            "balance",
            "point",
            "gift card",
            "rabat",
            "zniżk",
            "podat",
            "dostaw",
            "ilość",
            "skidk",
            "скидк",
            "налог",
            "ндс",
            "доставк",
            "количеств",
            "возврат",
            "баллы",
            "rabatt",
            "steuer",
            "mwst",
            "versand",
            "menge",
            "remise",
            "taxe",
            "livraison",
            "quantité",
            "descuento",
            "impuesto",
            "envío",
            "cantidad",
            "sconto",
            "tassa",
            "iva",
            "spedizione",
            "quantità",
            "знижк",
            "податок",
            "кількість",
            "zwrot",
            "date",
            "data",
            "дата",
            " at",
            "currency",
            "waluta",
            "валюта",
            "status",
            "count",
            "number",
            "liczba",
            "число",
        ],
    },
    Words {
        role: Role::Status,
        best: &["financial status", "payment status", "status płatności", "статус оплаты"],
        exact: &["status", "order status", "state", "статус", "stan", "statut", "estado", "stato", "zustand"],
        stems: &["status", "статус", "statut", "estado", "stato", "zustand"],
        not: &["fulfil", "ship", "delivery", "dostaw", "wysył", "достав", "versand", "livraison", "envío"],
    },
    Words {
        role: Role::Currency,
        best: &["currency", "waluta", "валюта", "währung", "devise", "moneda", "valuta"],
        exact: &["currency code", "kod waluty", "код валюты"],
        stems: &["currency", "waluta", "валют", "währung", "devise", "moneda", "valuta"],
        not: &["converted", "rate", "kurs", "курс", "amount", "kwota", "сумма"],
    },
    Words {
        role: Role::Customer,
        best: &["email", "e-mail", "customer email", "customer id", "customer", "client", "klient", "клиент"],
        exact: &[
            "customer name",
            "buyer",
            "user",
            "member",
            "guest",
            "patient",
            "nabywca",
            "kupujący",
            "pacjent",
            "покупатель",
            "гость",
            "пациент",
            "фио",
            "kunde",
            "kundennummer",
            "client id",
            "cliente",
            "клієнт",
            "покупець",
            "піб",
            "mail",
            "card",
            "card number",
            "numer karty",
            "номер карты",
        ],
        stems: &[
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
            "kunde",
            "käufer",
            "gast",
            "mitglied",
            "courriel",
            "acheteur",
            "membre",
            "cliente",
            "correo",
            "comprador",
            "socio",
            "acquirente",
            "клієнт",
            "покупець",
            "пошта",
            "гість",
        ],
        not: &["note", "accepts", "marketing", "type", "typ", "тип", "count", "liczba", "number of", "tag"],
    },
    Words {
        role: Role::Order,
        best: &["order id", "order number", "order #", "order", "numer zamówienia", "номер заказа", "transaction id"],
        exact: &["receipt", "invoice", "ticket", "paragon", "faktura", "чек", "bestellnummer", "commande", "pedido"],
        stems: &[
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
            "транзакц",
            "bestell",
            "rechnung",
            "beleg",
            "quittung",
            "transaktion",
            "commande",
            "reçu",
            "facture",
            "pedido",
            "recibo",
            "factura",
            "transacción",
            "ordine",
            "ricevuta",
            "fattura",
            "transazione",
            "замовлення",
            "рахунок",
        ],
        not: &["count", "liczba", "number of", "orders", "zamówień", "заказов", "note"],
    },
];

/// How well a header names a role: 4 a name exports use for that column,
/// 3 a whole name, 1 or 2 words inside it, 0 not at all.
fn score(header: &str, words: &Words) -> u8 {
    if words.not.iter().any(|w| header.contains(w)) {
        return 0;
    }
    if words.best.contains(&header) {
        return 4;
    }
    if words.exact.contains(&header) {
        return 3;
    }
    words.stems.iter().filter(|s| header.contains(*s)).count().min(2) as u8
}

/// The role a header names best and how well, if any.
fn best_role(header: &str) -> Option<(Role, u8)> {
    let header = fold(header);
    let mut best: Option<(Role, u8)> = None;
    for words in &WORDS {
        let s = score(&header, words);
        if s > best.map_or(0, |(_, b)| b) {
            best = Some((words.role, s));
        }
    }
    best
}

/// The role a header names, if any, by its words alone.
pub fn role_of(header: &str) -> Option<Role> {
    best_role(header).map(|(role, _)| role)
}

/// What the cells of a column must look like for it to play a role: the
/// words of a header can mislead, the cells rarely do.
fn cells_fit(role: Role, cells: &[&str]) -> bool {
    let filled: Vec<&str> = cells.iter().copied().filter(|c| !c.is_empty()).collect();
    if filled.is_empty() {
        // Nothing to go by (a file of a header alone): the header decides.
        return true;
    }
    let share = |test: &dyn Fn(&str) -> bool| filled.iter().filter(|c| test(c)).count() as f64 / filled.len() as f64;
    let dates = share(&|c| read_any_date(c).is_some());
    let numbers = share(&|c| read_number(c, None).is_ok());
    match role {
        Role::Date => dates >= 0.5,
        Role::Amount | Role::Refund => numbers >= 0.5 && dates < 0.1,
        Role::Currency => share(&|c| c.chars().count() <= 4) >= 0.8,
        Role::Status => numbers < 0.5 && dates < 0.5,
        Role::Customer | Role::Order => dates < 0.5,
    }
}

/// Whether most filled cells of a column are dates.
fn mostly_dates(cells: &[&str]) -> bool {
    let filled: Vec<&&str> = cells.iter().filter(|c| !c.is_empty()).collect();
    filled.iter().filter(|c| read_any_date(c).is_some()).count() * 2 > filled.len()
}

/// Whether a column holds order numbers as shops print them (`#1001`).
fn holds_order_numbers(cells: &[&str]) -> bool {
    let filled: Vec<&str> = cells.iter().copied().filter(|c| !c.is_empty()).collect();
    let numbered =
        |c: &&&str| c.strip_prefix('#').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    !filled.is_empty() && filled.iter().filter(numbered).count() * 10 >= filled.len() * 8
}

/// The column of each role in a table with this header, given its first
/// rows: the best-named column whose cells fit the role, the leftmost of
/// equals. A column plays one role at most.
pub fn find_columns(header: &[String], rows: &[Vec<String>]) -> Columns<Option<usize>> {
    let column = |i: usize| -> Vec<&str> { rows.iter().map(|r| r.get(i).map_or("", |c| c.as_str())).collect() };
    let named: Vec<Option<(Role, u8)>> = header
        .iter()
        .enumerate()
        .map(|(i, h)| match fold(h).as_str() {
            "name" | "#" if holds_order_numbers(&column(i)) => Some((Role::Order, 4)),
            "name" | "imię" | "имя" | "nom" | "nombre" | "nome" | "ім'я" => Some((Role::Customer, 1)),
            _ => best_role(h),
        })
        .collect();
    let mut taken = vec![false; header.len()];
    let mut found = Columns::default();
    for words in &WORDS {
        // Best-named first, the leftmost of equals (a loop, not a sort:
        // each sort compiled into the page costs kilobytes).
        let mut candidates: Vec<usize> = Vec::new();
        for score in (1..=4).rev() {
            candidates.extend((0..header.len()).filter(|&i| !taken[i] && named[i] == Some((words.role, score))));
        }
        // The best-named column whose cells fit; failing that, the
        // best-named one still, so that a `Date` column of bad dates is
        // reported row by row, except that an amount is never a column
        // of dates.
        let fitting = candidates.iter().copied().find(|&i| cells_fit(words.role, &column(i)));
        let chosen = fitting.or_else(|| {
            let best = *candidates.first()?;
            let money = matches!(words.role, Role::Amount | Role::Refund);
            (!money || !mostly_dates(&column(best))).then_some(best)
        });
        if let Some(i) = chosen {
            taken[i] = true;
        }
        *found.get_mut(words.role) = chosen;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(header: &[&str], rows: &[&[&str]]) -> Columns<Option<usize>> {
        let header: Vec<String> = header.iter().map(|c| c.to_string()).collect();
        let rows: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
        find_columns(&header, &rows)
    }

    fn main_roles(c: Columns<Option<usize>>) -> [Option<usize>; 4] {
        [c.customer, c.date, c.amount, c.order]
    }

    #[test]
    fn finds_roles_in_eight_languages() {
        for (header, expected) in [
            (&["Customer email", "Order date", "Order total", "Order ID"][..], [Some(0), Some(1), Some(2), Some(3)]),
            (&["Nr klienta", "Data zamówienia", "Kwota", "Numer zamówienia"], [Some(0), Some(1), Some(2), Some(3)]),
            (&["Номер заказа", "Дата", "КЛИЕНТ", "Сумма, руб."], [Some(2), Some(1), Some(3), Some(0)]),
            (&["ZAMÓWIENIE", "KLIENT", "DATA", "WARTOŚĆ"], [Some(1), Some(2), Some(3), Some(0)]),
            (&["Kundennummer", "Datum", "Betrag", "Bestellnummer"], [Some(0), Some(1), Some(2), Some(3)]),
            (&["Client", "Date", "Montant", "Commande"], [Some(0), Some(1), Some(2), Some(3)]),
            (&["Cliente", "Fecha", "Importe", "Pedido"], [Some(0), Some(1), Some(2), Some(3)]),
            (&["Cliente", "Data", "Importo", "Ordine"], [Some(0), Some(1), Some(2), Some(3)]),
            (&["Клієнт", "Дата", "Сума", "Замовлення"], [Some(0), Some(1), Some(2), Some(3)]),
        ] {
            assert_eq!(main_roles(find(header, &[])), expected, "{header:?}");
        }
    }

    #[test]
    fn shopify_headers_and_cells() {
        let header = [
            "Name",
            "Email",
            "Financial Status",
            "Paid at",
            "Fulfillment Status",
            "Currency",
            "Subtotal",
            "Total",
            "Discount Amount",
            "Created at",
            "Lineitem quantity",
            "Lineitem price",
            "Refunded Amount",
            "Cancelled at",
        ];
        let row = [
            "#1001",
            "anna@example.com",
            "paid",
            "2024-03-05 14:22:05 +0100",
            "fulfilled",
            "EUR",
            "40.00",
            "45.00",
            "0.00",
            "2024-03-05 14:20:01 +0100",
            "2",
            "20.00",
            "0.00",
            "",
        ];
        let line =
            ["#1001", "anna@example.com", "", "", "", "", "", "", "", "2024-03-05 14:20:01 +0100", "1", "5.00", "", ""];
        let found = find(&header, &[&row, &line]);
        assert_eq!(main_roles(found), [Some(1), Some(9), Some(7), Some(0)]);
        assert_eq!((found.status, found.refund, found.currency), (Some(2), Some(12), Some(5)));
    }

    #[test]
    fn cells_overrule_words() {
        // A column called "Total" that holds dates is not the amount.
        let found = find(&["Customer", "Total", "Amount"], &[&["A", "2024-03-01", "7.50"], &["B", "2024-03-02", "3"]]);
        assert_eq!(found.amount, Some(2));
        // A "Name" of people is the customer.
        let found = find(&["Name", "Date", "Paid"], &[&["Anna Nowak", "2024-03-01", "7.50"]]);
        assert_eq!(main_roles(found), [Some(0), Some(1), Some(2), None]);
    }

    #[test]
    fn a_missing_role_is_none() {
        assert_eq!(main_roles(find(&["who", "where", "how much"], &[])), [None, None, None, None]);
        let visits = find(&["Дата", "Клиент", "Услуга"], &[&["05.03.2024", "Иванова", "Стрижка"]]);
        assert_eq!(main_roles(visits), [Some(1), Some(0), None, None]);
    }
}
