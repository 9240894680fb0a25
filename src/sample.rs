//! Sample coffee-shop transaction logs (placeholder, being written).
