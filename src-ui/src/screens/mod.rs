//! One module per screen.

pub mod draft;
pub mod guide;
pub mod home;
