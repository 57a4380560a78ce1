//! One module per screen.

pub mod answers;
pub mod city;
pub mod contacts;
pub mod conversation;
pub mod desk;
pub mod draft;
pub mod guide;
pub mod home;
pub mod identity;
pub mod letters;
pub mod notices;
pub mod outbox;
pub mod privacy;
