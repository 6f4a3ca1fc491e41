//! Questionnaire pages: the builder and the programme's waves (curator), taking a
//! questionnaire (kiosk or own account), the device's draft and outbox, and the results.

pub mod builder;
pub mod compare;
pub mod device;
pub mod manage;
pub mod respond;
pub mod taker;
