//! What an order's status says about counting it: shop platforms export
//! every order, paid or not (`voided`, `pending`, `Anulowane`, `Отменён`),
//! and refunded ones too.

/// How a status counts an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Paid, completed, or a status that says nothing against it.
    Counted,
    /// Voided, cancelled, pending, failed, abandoned: no sale happened
    /// (yet), so the order is left out.
    LeftOut,
    /// Given back in full (unless a refund column says how much).
    Refunded,
}

/// Word stems of statuses of orders that were not (or not yet) paid, in
/// the languages of the headers. Lower case.
const LEFT_OUT: [&str; 40] = [
    "void",
    "cancel",
    "pending",
    "fail",
    "declin",
    "abandon",
    "draft",
    "trash",
    "on-hold",
    "on hold",
    "expired",
    "unpaid",
    "not paid",
    "anulowan",
    "odrzucon",
    "oczekuj",
    "nieopłacon",
    "niezapłacon",
    "porzucon",
    "отмен",
    "отклон",
    "ожида",
    "не оплач",
    "неоплач",
    "storniert",
    "ausstehend",
    "fehlgeschlagen",
    "abgebrochen",
    "annul",
    "en attente",
    "échou",
    "cancelad",
    "pendiente",
    "fallid",
    "annullat",
    "in attesa",
    "fallit",
    "скасов",
    "очіку",
    "невдал",
];

/// Word stems of refunded statuses. A partial refund (`partially_refunded`)
/// is counted as a sale: only a refund column can say how much went back.
const REFUNDED: [&str; 10] =
    ["refund", "returned", "zwrócon", "zwrot", "возврат", "возвращ", "erstattet", "rembours", "reembols", "rimborsat"];

/// How an order with this status counts.
///
/// ```
/// use retention_metrics::ingest::status::{standing, Standing};
/// assert_eq!(standing("paid"), Standing::Counted);
/// assert_eq!(standing("Voided"), Standing::LeftOut);
/// assert_eq!(standing("Anulowane"), Standing::LeftOut);
/// assert_eq!(standing("refunded"), Standing::Refunded);
/// assert_eq!(standing("partially_refunded"), Standing::Counted);
/// ```
pub fn standing(status: &str) -> Standing {
    let status = super::columns::fold(status);
    if status.is_empty() || status.contains("partial") || status.contains("częściow") || status.contains("частич")
    {
        Standing::Counted
    } else if LEFT_OUT.iter().any(|w| status.contains(w)) {
        Standing::LeftOut
    } else if REFUNDED.iter().any(|w| status.contains(w)) {
        Standing::Refunded
    } else {
        Standing::Counted
    }
}
