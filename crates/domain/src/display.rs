//! How the person wants the app drawn, kept on the device: the size of its text.

use serde::{Deserialize, Serialize};

/// The size of the text, as a percentage of the system's: from 100 % up to 200 % in steps of 25
/// (WCAG 1.4.4, text resized to 200 % without loss of content).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct TextSize(u16);

impl TextSize {
    /// Every size offered, smallest first.
    pub const STEPS: [TextSize; 5] = [
        TextSize(100),
        TextSize(125),
        TextSize(150),
        TextSize(175),
        TextSize(200),
    ];

    pub fn percent(self) -> u16 {
        self.0
    }
}

impl Default for TextSize {
    fn default() -> Self {
        TextSize(100)
    }
}

impl TryFrom<u16> for TextSize {
    type Error = String;

    fn try_from(percent: u16) -> Result<Self, Self::Error> {
        TextSize::STEPS
            .into_iter()
            .find(|s| s.0 == percent)
            .ok_or_else(|| format!("{percent} is not one of 100, 125, 150, 175 or 200"))
    }
}

impl From<TextSize> for u16 {
    fn from(size: TextSize) -> u16 {
        size.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_offered_steps_are_sizes() {
        assert_eq!(TextSize::try_from(200).map(TextSize::percent), Ok(200));
        for wrong in [0, 99, 101, 120, 225, 400, u16::MAX] {
            assert!(TextSize::try_from(wrong).is_err(), "{wrong}");
        }
        let read: Result<TextSize, _> = serde_json::from_str("150");
        assert_eq!(read.map(TextSize::percent).ok(), Some(150));
        assert!(serde_json::from_str::<TextSize>("300").is_err());
    }
}

/// A step of the app's start, as the app marks it (for the start-up figures; nothing personal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StartStep {
    /// The shell's `main` began (after the system loaded the program).
    Main,
    /// The installation is open: keys from the keyring, the database, the catalogue.
    InstallationOpen,
    /// The UI's code is running in the webview.
    UiStarted,
    /// The first list of guides has been painted.
    FirstPaint,
}

/// When a step was reached, in milliseconds after the process started.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StartMark {
    pub step: StartStep,
    pub after_ms: f64,
}

/// Everything the first screen needs, in one answer, so that the start asks the shell one
/// question before it paints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FirstScreen {
    /// The language the person chose, or the system's first that Homeward speaks.
    pub lang: crate::Lang,
    /// `lang`'s messages as `.ftl` text.
    pub messages: String,
    /// Why the installation cannot be used, if it cannot: shown in `lang`, and nothing else is.
    pub problem: Option<crate::ApiError>,
    pub text_size: TextSize,
    pub cities: crate::city::HomeCities,
    /// A site's desk: its laptop opens on it, not on anyone's data.
    pub desk: Option<crate::desk::DeskState>,
    /// The walk-in being served at the desk, if any.
    pub walk_in: Option<uuid::Uuid>,
    /// The home screen's list, when it is the screen shown (a city is chosen, no desk).
    pub home: Option<HomeList>,
}

/// The home screen's list: the first page of applications and the catalogue overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomeList {
    pub drafts: crate::DraftPage,
    pub overview: crate::CatalogueOverview,
}
