//! Errors of the core, each mapped to one of the stable codes the UI localises.

use homeward_domain::{ApiError, ErrorCode};

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{field}: {reason}")]
    InvalidInput { field: &'static str, reason: String },
    #[error("{what} not found")]
    NotFound { what: &'static str },
    #[error("the local database could not be used: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error(
        "the local database was written by a newer Homeward (schema {found}, this build knows \
         {known}); update the app"
    )]
    SchemaTooNew { found: i64, known: i64 },
    #[error("the local database is damaged: {0}")]
    Damaged(String),
    #[error("the local data directory could not be used: {0}")]
    Io(#[from] std::io::Error),
    #[error("the OS keyring could not be used: {0}; is a Secret Service (gnome-keyring) running and unlocked?")]
    Keyring(#[from] homeward_keys::StoreError),
    #[error("{}", homeward_keys::KeyError::Missing)]
    KeyMissing,
    #[error("{}", homeward_keys::KeyError::NoKeyStore)]
    NoKeyStore,
    #[error("the key stored in the OS keyring under {0} is malformed")]
    KeyMalformed(&'static str),
    #[error("no home city is chosen yet")]
    NoHomeCity,
    #[error("the city backend could not be reached: {0}")]
    Offline(String),
    #[error("the city backend answered with an error: {0}")]
    Backend(String),
    /// The backend refused the request for a reason with its own code.
    #[error("the city backend refused: {}", .0.message)]
    Refused(ApiError),
    #[error("no font for Chinese text was found on this device, so no PDF can be written")]
    NoFont,
    #[error("sending needs the person's consent to process sensitive data and to send it abroad")]
    ConsentRequired,
    #[error("the catalogue is not usable: {0}")]
    Catalogue(String),
    #[error("this service needs identity proven at level {}", .required.slug())]
    IdentityLevelTooLow {
        required: homeward_domain::catalog::IdentityLevel,
    },
    #[error("{0}")]
    Attestation(#[from] homeward_domain::identity::AttestationProblem),
    #[error("the site's desk is locked: a volunteer must open it with their PIN")]
    DeskLocked,
    #[error("too many wrong PINs for this volunteer; wait, then try again")]
    TooManyAttempts,
}

impl From<homeward_keys::KeyError> for CoreError {
    fn from(e: homeward_keys::KeyError) -> Self {
        use homeward_keys::KeyError;
        match e {
            KeyError::Keyring(e) => CoreError::Keyring(e),
            KeyError::Missing => CoreError::KeyMissing,
            KeyError::Malformed(name) => CoreError::KeyMalformed(name),
            KeyError::NoKeyStore => CoreError::NoKeyStore,
        }
    }
}

impl CoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::InvalidInput { .. } => ErrorCode::InvalidInput,
            CoreError::NotFound { .. } => ErrorCode::NotFound,
            CoreError::Storage(_)
            | CoreError::SchemaTooNew { .. }
            | CoreError::Io(_)
            | CoreError::Damaged(_) => ErrorCode::Storage,
            CoreError::Keyring(_) | CoreError::KeyMalformed(_) => ErrorCode::Keyring,
            CoreError::KeyMissing => ErrorCode::KeysMissing,
            CoreError::NoKeyStore => ErrorCode::NoKeyStore,
            CoreError::NoHomeCity => ErrorCode::NoHomeCity,
            CoreError::Offline(_) => ErrorCode::Offline,
            CoreError::Backend(_) => ErrorCode::Backend,
            CoreError::Refused(e) => e.code,
            CoreError::NoFont => ErrorCode::NoFont,
            CoreError::ConsentRequired => ErrorCode::ConsentRequired,
            CoreError::IdentityLevelTooLow { .. } => ErrorCode::IdentityLevelTooLow,
            CoreError::Attestation(p) => p.code(),
            CoreError::Catalogue(_) => ErrorCode::Internal,
            CoreError::DeskLocked => ErrorCode::DeskLocked,
            CoreError::TooManyAttempts => ErrorCode::TooManyAttempts,
        }
    }

    /// Whether trying again later may help (the outbox depends on this).
    pub fn is_transient(&self) -> bool {
        self.code().is_transient()
    }
}

impl From<CoreError> for ApiError {
    fn from(e: CoreError) -> Self {
        ApiError::new(e.code(), e.to_string())
    }
}

impl From<crate::catalog::PackError> for CoreError {
    fn from(e: crate::catalog::PackError) -> Self {
        CoreError::Catalogue(e.to_string())
    }
}
