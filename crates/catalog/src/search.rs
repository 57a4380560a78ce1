//! Search over the catalogue as the person types, fully offline.
//!
//! People look for "驾照" when the guide says 驾驶证, type pinyin on a foreign keyboard
//! ("jiashizheng", or just the initials "jsz"), write English with typos ("pasport"), or use the
//! words their community uses ("hukou", "proof of life"). The index keeps, per guide, the Chinese
//! texts, with each character's guides listed so a query reads only the guides holding its
//! characters; and, shared by the guides, sorted vocabularies of the pinyin of Chinese titles
//! and keywords (whole and initials), of the Latin-script phrases of titles and keywords in
//! English, Italian, French and Spanish, and of their words, each compared with a query once
//! however many guides share it. Scoring is simple and explainable: where a
//! match is found (title over keywords over summary), and how exact it is (whole word, prefix,
//! one typo).

use homeward_domain::{CataloguePack, GuideId, Lang, LocalizedText};
use pinyin::ToPinyin as _;

use crate::traditional::{plain_latin, simplified};
use crate::validate::is_han;

const TITLE: f32 = 10.0;
const KEYWORD: f32 = 7.0;
const CATEGORY: f32 = 3.0;
const SUMMARY: f32 = 2.0;

/// Words too common to tell guides apart, in English, Italian, French and Spanish (written as
/// [`normalize`] leaves them: no accents, elided articles split off).
const STOPWORDS: &[&str] = &[
    // English
    "a", "an", "the", "of", "my", "to", "for", "in", "on", "and", "or", "i", "how", "do", "is",
    "me", "with", "from", "at", "by", "your", "get", "want", "need", // Italian
    "il", "lo", "la", "gli", "le", "l", "un", "uno", "una", "di", "del", "della", "dei", "delle",
    "da", "per", "con", "e", "o", "mio", "mia", "come", "che", "al", "alla", // French
    "les", "de", "des", "du", "d", "une", "et", "ou", "pour", "mon", "ma", "mes", "comment", "je",
    "au", "aux", "en", // Spanish
    "el", "los", "las", "y", "mi", "mis", "como", "por", "con", "al",
];

/// The languages written in Latin letters, whose titles, summaries and keywords are searched
/// word by word.
const LATIN_LANGS: [Lang; 4] = [Lang::En, Lang::It, Lang::Fr, Lang::Es];

pub use homeward_domain::catalog::SearchHit as Hit;

#[derive(Debug)]
struct Entry {
    id: GuideId,
    title: LocalizedText,
    /// Chinese texts, weighted, the highest weight first.
    han: Vec<(String, f32)>,
}

/// The search index of one catalogue pack.
#[derive(Debug)]
pub struct SearchIndex {
    entries: Vec<Entry>,
    words: WordIndex,
    /// Pinyin of Chinese titles and keywords, and where a typed query may begin inside it.
    pinyin: PinyinIndex,
    /// Latin-script phrases (titles and keywords in English, Italian, French and Spanish),
    /// normalised.
    phrases: Postings<String>,
    /// Where each word of a phrase begins: a query phrase holds its last word whole or as a
    /// prefix, so only the phrases with a word beginning so are compared with it.
    phrase_words: Starts,
    /// For each Chinese character, the guides whose Chinese texts hold it, in order: only those
    /// holding a one-character query are read.
    han_chars: std::collections::HashMap<char, Vec<u32>>,
    /// For each two Chinese characters standing side by side in a guide's Chinese texts, the
    /// guides where they do, in order: a longer query matches only where one of its pairs
    /// stands so, and only those guides are read.
    han_pairs: std::collections::HashMap<(char, char), Vec<u32>>,
}

/// Distinct keys, sorted, each with the guides it belongs to and its highest weight there. A
/// query is compared with each key once, not once per guide that has it.
#[derive(Debug)]
struct Postings<K> {
    keys: Vec<K>,
    /// For `keys[i]`: (the guide's place in `entries`, the weight there).
    lists: Vec<Vec<(u32, f32)>>,
}

impl<K: Ord> Postings<K> {
    fn new(per_entry: Vec<Vec<(K, f32)>>) -> Self {
        let mut all: Vec<(K, u32, f32)> = per_entry
            .into_iter()
            .enumerate()
            .flat_map(|(i, keys)| {
                let i = u32::try_from(i).unwrap_or(u32::MAX);
                keys.into_iter().map(move |(k, weight)| (k, i, weight))
            })
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut postings = Postings {
            keys: vec![],
            lists: vec![],
        };
        for (key, entry, weight) in all {
            if postings.keys.last() != Some(&key) {
                postings.keys.push(key);
                postings.lists.push(vec![]);
            }
            if let Some(list) = postings.lists.last_mut() {
                list.push((entry, weight));
            }
        }
        postings
    }

    /// Raises each guide of `keys[key]` to at least its weight there times `factor`.
    fn raise(&self, best: &mut [f32], key: usize, factor: f32) {
        for &(entry, weight) in &self.lists[key] {
            let slot = &mut best[entry as usize];
            *slot = slot.max(weight * factor);
        }
    }

    /// For each of `entries` guides, the highest `weight × factor(key)` over the keys in
    /// `range` (0 where none has a factor above 0).
    fn best_per_entry(
        &self,
        entries: usize,
        range: std::ops::Range<usize>,
        factor: impl Fn(&K) -> f32,
    ) -> Vec<f32> {
        let mut best = vec![0.0f32; entries];
        for i in range {
            let f = factor(&self.keys[i]);
            if f > 0.0 {
                self.raise(&mut best, i, f);
            }
        }
        best
    }
}

/// The items of `sorted` (in the order of their `text`) whose text begins with `prefix`, as a
/// range, found by halving.
fn beginning_with<T>(
    sorted: &[T],
    text: impl Fn(&T) -> &str,
    prefix: &str,
) -> std::ops::Range<usize> {
    let start = sorted.partition_point(|t| text(t) < prefix);
    let len = sorted[start..].partition_point(|t| text(t).starts_with(prefix));
    start..start + len
}

/// Places inside the keys of a [`Postings`] where a query may begin, sorted by the key's text
/// from there on: the places whose text begins with a query are one range, found by halving.
/// A place is (the key's index, the byte it begins at).
#[derive(Debug)]
struct Starts(Vec<(u32, u16)>);

impl Starts {
    /// Every place `places` names in every key of `keys`, its text read by `text`.
    fn new<K>(keys: &[K], text: impl Fn(&K) -> &str, places: impl Fn(&K) -> Vec<usize>) -> Self {
        let mut all: Vec<(u32, u16)> = keys
            .iter()
            .enumerate()
            .flat_map(|(i, k)| {
                let i = u32::try_from(i).unwrap_or(u32::MAX);
                places(k)
                    .into_iter()
                    .filter_map(move |at| Some((i, u16::try_from(at).ok()?)))
            })
            .collect();
        let from = |&(i, at): &(u32, u16)| text(&keys[i as usize]).get(usize::from(at)..);
        all.sort_by(|a, b| from(a).cmp(&from(b)));
        Starts(all)
    }

    /// The places whose text begins with `prefix`.
    fn beginning_with<'a, K>(
        &'a self,
        keys: &[K],
        text: impl Fn(&K) -> &str,
        prefix: &str,
    ) -> &'a [(u32, u16)] {
        let from = |&(i, at): &(u32, u16)| {
            text(&keys[i as usize])
                .get(usize::from(at)..)
                .unwrap_or_default()
        };
        let start = self.0.partition_point(|p| from(p) < prefix);
        let len = self.0[start..].partition_point(|p| from(p).starts_with(prefix));
        &self.0[start..start + len]
    }
}

/// One pinyin spelling of a Chinese text: its syllables run together, their initials, and
/// where each syllable after the first begins in `whole`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Spelling {
    whole: String,
    initials: String,
    syllables: Vec<u16>,
}

/// The pinyin spellings of the Chinese titles and keywords, sorted by `whole`, and where a typed
/// query may begin inside them: at any initial, and at any syllable. A query is compared only
/// with the spellings it can match, not with every spelling of the catalogue.
#[derive(Debug)]
struct PinyinIndex {
    spellings: Postings<Spelling>,
    /// Each initial of each spelling.
    initials: Starts,
    /// Each syllable after the first of each spelling.
    syllables: Starts,
}

impl PinyinIndex {
    fn new(per_entry: Vec<Vec<(Spelling, f32)>>) -> Self {
        let spellings = Postings::new(per_entry);
        let initials = Starts::new(
            &spellings.keys,
            |s| &s.initials,
            |s| (0..s.initials.len()).collect(),
        );
        let syllables = Starts::new(
            &spellings.keys,
            |s| &s.whole,
            |s| s.syllables.iter().map(|&at| usize::from(at)).collect(),
        );
        PinyinIndex {
            spellings,
            initials,
            syllables,
        }
    }

    /// Each guide's best match for `joined` (two lower-case letters or more, the Latin query
    /// without spaces): from the start of a spelling 1.1; from a later syllable (four letters
    /// or more) or as the initials 0.9; as initials from a later syllable (three letters or
    /// more), or with one typo in the first `joined.len()` letters (six letters or more) 0.6.
    fn best_per_entry(&self, joined: &str, entries: usize) -> Vec<f32> {
        let keys = &self.spellings.keys;
        let mut best = vec![0.0f32; entries];
        fn whole(s: &Spelling) -> &str {
            &s.whole
        }
        for i in beginning_with(keys, whole, joined) {
            self.spellings.raise(&mut best, i, 1.1);
        }
        for &(i, at) in self.initials.beginning_with(keys, |s| &s.initials, joined) {
            let factor = if at == 0 {
                0.9
            } else if joined.len() >= 3 {
                0.6
            } else {
                continue;
            };
            self.spellings.raise(&mut best, i as usize, factor);
        }
        if joined.len() >= 4 {
            for &(i, _) in self.syllables.beginning_with(keys, |s| &s.whole, joined) {
                self.spellings.raise(&mut best, i as usize, 0.9);
            }
        }
        if joined.len() >= 6 {
            // Typos keep the first letter (see `within_distance`).
            for i in beginning_with(keys, whole, joined.get(..1).unwrap_or(joined)) {
                let s = &keys[i].whole;
                if within_distance(joined, s.get(..joined.len()).unwrap_or(s), 1) {
                    self.spellings.raise(&mut best, i, 0.6);
                }
            }
        }
        best
    }
}

/// Every Latin-script word of the catalogue once, sorted, with the guides it appears in and its
/// highest weight there. A query word is compared with the words that can match it (the same
/// word, the words it begins, the words sharing its first letter for a typo), each once, not
/// once per guide: the cost follows the vocabulary, which grows far slower than the guides.
#[derive(Debug)]
struct WordIndex(Postings<String>);

impl WordIndex {
    /// The words starting with `prefix`, as a range of the words.
    fn starting_with(&self, prefix: &str) -> std::ops::Range<usize> {
        beginning_with(&self.0.keys, String::as_str, prefix)
    }

    /// For one query token, each guide's best match: the same word counts whole, a word the
    /// token begins 0.8, a word within one typo (two for long words) 0.6, times the weight.
    fn best_per_entry(&self, t: &str, entries: usize) -> Vec<f32> {
        let words = &self.0.keys;
        let candidates = if t.len() >= 4 {
            // Typos keep the first letter (see `within_distance`), prefixes do too.
            self.starting_with(t.get(..1).unwrap_or(t))
        } else if t.len() >= 2 {
            self.starting_with(t)
        } else {
            let at = words.partition_point(|w| w.as_str() < t);
            at..at + usize::from(words.get(at).is_some_and(|w| w == t))
        };
        self.0.best_per_entry(entries, candidates, |word| {
            if word == t {
                1.0
            } else if t.len() >= 2 && word.starts_with(t) {
                0.8
            } else if t.len() >= 4 && within_distance(t, word, if t.len() >= 8 { 2 } else { 1 }) {
                0.6
            } else {
                0.0
            }
        })
    }
}

/// Lower case, full-width ASCII folded to half width, Traditional characters to Simplified,
/// letters with diacritics to the plain letters (`é` → `e`, pinyin's `ǎ` → `a`), punctuation to
/// spaces: the same query finds the same guides however it is typed.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::validate::fold_width(s)
        .chars()
        .flat_map(char::to_lowercase)
    {
        if is_han(c) {
            out.push(simplified(c));
        } else if let Some(plain) = plain_latin(c) {
            out.push_str(plain);
        } else if c.is_alphanumeric() {
            out.push(c);
        } else {
            out.push(' ');
        }
    }
    out
}

fn latin_words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
}

/// The pinyin of the Han characters in `s`, whole and as initials; other characters are skipped.
/// `ü` is written `v`, as pinyin keyboards take it ("lvshi" for 律师); see [`pinyin_variants`].
fn to_pinyin(s: &str) -> Spelling {
    let mut spelling = Spelling {
        whole: String::new(),
        initials: String::new(),
        syllables: vec![],
    };
    for p in s.to_pinyin().flatten() {
        let plain = p.plain().replace('ü', "v");
        if !spelling.whole.is_empty() {
            if let Ok(at) = u16::try_from(spelling.whole.len()) {
                spelling.syllables.push(at);
            }
        }
        spelling.initials.push_str(&plain[..1]);
        spelling.whole.push_str(&plain);
    }
    spelling
}

/// The spellings people type for one pinyin string: with `v` for `ü`, and with plain `u`.
fn pinyin_variants(s: &str) -> Vec<Spelling> {
    let spelling = to_pinyin(s);
    if spelling.whole.is_empty() {
        return vec![];
    }
    let mut out = vec![];
    if spelling.whole.contains('v') {
        out.push(Spelling {
            whole: spelling.whole.replace('v', "u"),
            ..spelling.clone()
        });
    }
    out.insert(0, spelling);
    out
}

/// The longest word the typo check looks at; longer words only match exactly or by prefix.
const MAX_TYPO_LEN: usize = 32;

/// Whether two ASCII words are within `max` edits (insert, delete, substitute, swap two
/// neighbours) of each other. Runs on the stack and gives up early: the search calls it for many
/// word pairs on every keystroke. Typos rarely hit the first letter, so words must share it; this
/// keeps "pasport" → "passport" and drops most pairs at once.
fn within_distance(a: &str, b: &str, max: usize) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > max
        || a.len() > MAX_TYPO_LEN
        || b.len() > MAX_TYPO_LEN
        || a.first() != b.first()
    {
        return false;
    }
    let width = b.len() + 1;
    let mut prev2 = [0usize; MAX_TYPO_LEN + 1];
    let mut prev = [0usize; MAX_TYPO_LEN + 1];
    let mut cur = [0usize; MAX_TYPO_LEN + 1];
    for (j, slot) in prev.iter_mut().enumerate().take(width) {
        *slot = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return false;
        }
        prev2 = prev;
        prev = cur;
    }
    prev[b.len()] <= max
}

impl SearchIndex {
    pub fn new(pack: &CataloguePack, category_names: impl Fn(&str) -> Vec<String>) -> Self {
        let mut pinyin_per_entry = vec![];
        let mut phrases_per_entry = vec![];
        let (entries, words): (Vec<Entry>, Vec<Vec<(String, f32)>>) = pack
            .guides
            .iter()
            .map(|g| {
                let mut han = vec![];
                let mut pinyin = vec![];
                let mut words: Vec<(String, f32)> = vec![];
                let mut phrases = vec![];
                let add_latin = |text: &str, weight: f32, words: &mut Vec<(String, f32)>| {
                    for w in latin_words(&normalize(text)) {
                        if STOPWORDS.contains(&w.as_str()) {
                            continue;
                        }
                        match words.iter_mut().find(|(x, _)| *x == w) {
                            Some((_, best)) => *best = best.max(weight),
                            None => words.push((w, weight)),
                        }
                    }
                };
                let mut add_han = |text: &str, weight: f32, with_pinyin: bool| {
                    let n = normalize(text);
                    if with_pinyin {
                        pinyin.extend(pinyin_variants(&n).into_iter().map(|s| (s, weight)));
                    }
                    han.push((n, weight));
                };
                add_han(g.title.get(Lang::ZhCn), TITLE, true);
                add_han(g.summary.get(Lang::ZhCn), SUMMARY, false);
                // Traditional keywords fold to Simplified ones, and may add words of their own.
                for lang in [Lang::ZhCn, Lang::ZhTw] {
                    for k in g.keywords.get(lang.tag()).into_iter().flatten() {
                        add_han(k, KEYWORD, true);
                    }
                }
                for lang in LATIN_LANGS.into_iter().filter(|l| g.title.has(*l)) {
                    let title = g.title.get(lang);
                    add_latin(title, TITLE, &mut words);
                    phrases.push((normalize(title), TITLE));
                    add_latin(g.summary.get(lang), SUMMARY, &mut words);
                }
                for list in g.keywords.values() {
                    for k in list {
                        if k.chars().any(is_han) {
                            continue;
                        }
                        add_latin(k, KEYWORD, &mut words);
                        phrases.push((normalize(k), KEYWORD));
                    }
                }
                for name in category_names(g.category.slug()) {
                    if name.chars().any(is_han) {
                        add_han(&name, CATEGORY, false);
                    } else {
                        add_latin(&name, CATEGORY, &mut words);
                    }
                }
                pinyin_per_entry.push(pinyin);
                phrases_per_entry.push(phrases);
                // Read in this order, a match stops the reading once no text left could beat it.
                han.sort_by(|a, b| b.1.total_cmp(&a.1));
                let entry = Entry {
                    id: g.id.clone(),
                    title: g.title.clone(),
                    han,
                };
                (entry, words)
            })
            .unzip();
        let mut han_chars: std::collections::HashMap<char, Vec<u32>> = Default::default();
        let mut han_pairs: std::collections::HashMap<(char, char), Vec<u32>> = Default::default();
        for (i, e) in entries.iter().enumerate() {
            let mut chars: Vec<char> = e.han.iter().flat_map(|(t, _)| t.chars()).collect();
            chars.sort_unstable();
            chars.dedup();
            let mut pairs: Vec<(char, char)> = e
                .han
                .iter()
                .flat_map(|(t, _)| t.chars().zip(t.chars().skip(1)))
                .filter(|&(a, b)| is_han(a) && is_han(b))
                .collect();
            pairs.sort_unstable();
            pairs.dedup();
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            for c in chars {
                han_chars.entry(c).or_default().push(i);
            }
            for pair in pairs {
                han_pairs.entry(pair).or_default().push(i);
            }
        }
        let phrases = Postings::new(phrases_per_entry);
        let phrase_words = Starts::new(&phrases.keys, String::as_str, |p| {
            p.char_indices()
                .filter(|&(at, c)| c != ' ' && (at == 0 || p.as_bytes()[at - 1] == b' '))
                .map(|(at, _)| at)
                .collect()
        });
        SearchIndex {
            entries,
            words: WordIndex(Postings::new(words)),
            pinyin: PinyinIndex::new(pinyin_per_entry),
            phrases,
            phrase_words,
            han_chars,
            han_pairs,
        }
    }

    /// Marks the guides that may match the Chinese `part`: those holding its character, or for
    /// a longer part one of its pairs side by side (a match needs at least one pair so).
    fn han_candidates(&self, part: &str, pairs: &[String]) -> Vec<bool> {
        let mut marked = vec![false; self.entries.len()];
        let mut mark = |guides: Option<&Vec<u32>>| {
            for &i in guides.map_or(&[][..], Vec::as_slice) {
                marked[i as usize] = true;
            }
        };
        let mut chars = part.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            mark(self.han_chars.get(&c));
            return marked;
        }
        for pair in pairs {
            let mut pair = pair.chars();
            if let (Some(a), Some(b)) = (pair.next(), pair.next()) {
                mark(self.han_pairs.get(&(a, b)));
            }
        }
        marked
    }

    /// The phrases of the index holding `phrase`, two words or more of which `last` is the
    /// last: only those with a word `last` begins are compared with it.
    fn phrases_holding(&self, phrase: &str, last: &str) -> Vec<usize> {
        let mut candidates: Vec<usize> = self
            .phrase_words
            .beginning_with(&self.phrases.keys, String::as_str, last)
            .iter()
            .map(|&(i, _)| i as usize)
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates.retain(|&i| self.phrases.keys[i].contains(phrase));
        candidates
    }

    /// Guides matching `query`, best first. `lang` breaks ties toward the person's language.
    pub fn search(&self, query: &str, lang: Lang) -> Vec<Hit> {
        let q = normalize(query);
        let han_parts: Vec<String> = q
            .split(|c: char| !is_han(c))
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let tokens: Vec<String> = latin_words(&q)
            .filter(|t| !STOPWORDS.contains(&t.as_str()))
            .collect();
        if han_parts.is_empty() && tokens.is_empty() {
            return vec![];
        }
        let joined: String = tokens.concat();
        let han_pairs: Vec<Vec<String>> = han_parts
            .iter()
            .map(|p| {
                let chars: Vec<char> = p.chars().collect();
                chars.windows(2).map(|w| w.iter().collect()).collect()
            })
            .collect();
        let latin_phrase = tokens.join(" ");
        // Each distinct token's best match in every guide; a token typed twice counts once.
        let mut distinct: Vec<&str> = vec![];
        for t in &tokens {
            if !distinct.contains(&t.as_str()) {
                distinct.push(t);
            }
        }
        let n = self.entries.len();
        let token_best: Vec<Vec<f32>> = distinct
            .iter()
            .map(|t| self.words.best_per_entry(t, n))
            .collect();
        // The whole Latin query as pinyin ("jiashizheng", "jsz") or as a phrase, per guide.
        let whole_best: Vec<f32> = if tokens.is_empty() {
            vec![]
        } else {
            let as_pinyin = joined.len() >= 2 && joined.bytes().all(|b| b.is_ascii_lowercase());
            let mut best = if as_pinyin {
                self.pinyin.best_per_entry(&joined, n)
            } else {
                vec![0.0; n]
            };
            // A phrase is two words or more; one holding it has a word its last word begins.
            if let (true, Some(last)) = (latin_phrase.contains(' '), tokens.last()) {
                for phrase in self.phrases_holding(&latin_phrase, last) {
                    self.phrases.raise(&mut best, phrase, 1.3);
                }
            }
            best
        };
        let han_candidates: Vec<Vec<bool>> = han_parts
            .iter()
            .zip(&han_pairs)
            .map(|(part, pairs)| self.han_candidates(part, pairs))
            .collect();
        // Scores first, by place; a hit's id is copied only once it is ranked.
        let scored: Vec<(usize, f32)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let mut score = 0.0;
                let mut matched = 0usize;
                let wanted = han_parts.len() + tokens.len();
                for ((part, pairs), candidates) in
                    han_parts.iter().zip(&han_pairs).zip(&han_candidates)
                {
                    if !candidates[i] {
                        continue;
                    }
                    let s = score_han(e, part, pairs);
                    if s > 0.0 {
                        matched += 1;
                        score += s;
                    }
                }
                if !tokens.is_empty() {
                    let whole = whole_best[i];
                    let (per_token, token_matches) = token_best
                        .iter()
                        .map(|best| best[i])
                        .filter(|s| *s > 0.0)
                        .fold((0.0, 0), |(sum, n), s| (sum + s, n + 1));
                    if whole >= per_token && whole > 0.0 {
                        score += whole;
                        matched += tokens.len();
                    } else {
                        score += per_token;
                        matched += token_matches;
                    }
                }
                // Every part of the query should find something; half is the least we show.
                if score <= 0.0 || matched * 2 < wanted {
                    return None;
                }
                let coverage = matched as f32 / wanted as f32;
                Some((i, score * coverage))
            })
            .collect();
        // Each title is looked up once, not in every comparison.
        let mut ranked: Vec<(f32, &str, usize)> = scored
            .into_iter()
            .map(|(i, score)| (score, self.entries[i].title.get(lang), i))
            .collect();
        ranked.sort_by(|(a_score, a, _), (b_score, b, _)| {
            b_score.total_cmp(a_score).then_with(|| a.cmp(b))
        });
        ranked
            .into_iter()
            .map(|(score, _, i)| Hit {
                id: self.entries[i].id.clone(),
                score,
            })
            .collect()
    }
}

fn score_han(e: &Entry, part: &str, pairs: &[String]) -> f32 {
    let mut best: f32 = 0.0;
    for (text, weight) in &e.han {
        // A text scores at most 1.2 times its weight, and those after weigh no more.
        if best >= weight * 1.2 {
            break;
        }
        best = best.max(score_han_text(text, *weight, part, pairs));
    }
    best
}

/// How well one Chinese text of a guide, of `weight`, matches the query's `part`.
fn score_han_text(text: &str, weight: f32, part: &str, pairs: &[String]) -> f32 {
    if text.starts_with(part) {
        weight * 1.2
    } else if text.contains(part) {
        weight
    } else if pairs.len() < 2 {
        0.0
    } else {
        // Most of the query's character pairs appear: "驾驶证换" still finds "驾驶证…换证".
        let found = pairs.iter().filter(|p| text.contains(p.as_str())).count();
        let share = found as f32 / pairs.len() as f32;
        if share >= 0.5 {
            weight * share * 0.6
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_allow_one_typo_or_swap() {
        assert!(within_distance("pasport", "passport", 1));
        assert!(within_distance("pasprot", "passport", 2));
        assert!(within_distance("licnese", "license", 1));
        assert!(within_distance("drivng", "driving", 1));
        assert!(!within_distance("pension", "passport", 2));
        assert!(
            !within_distance("xassport", "passport", 1),
            "the first letter must match"
        );
        assert!(
            !within_distance(&"a".repeat(40), &"a".repeat(40), 1),
            "too long for typo matching"
        );
    }

    #[test]
    fn full_width_and_case_are_folded() {
        assert_eq!(normalize("ＨＵＫＯＵ，户口"), "hukou 户口");
    }

    #[test]
    fn pinyin_whole_and_initials() {
        let jiashizheng = to_pinyin("驾驶证");
        assert_eq!(
            (jiashizheng.whole.as_str(), jiashizheng.initials.as_str()),
            ("jiashizheng", "jsz")
        );
        assert_eq!(
            jiashizheng.syllables,
            [3, 6],
            "shi and zheng begin at 3 and 6"
        );
        assert_eq!(to_pinyin("律师").whole, "lvshi");
        let spellings: Vec<String> = pinyin_variants("律师")
            .into_iter()
            .map(|v| v.whole)
            .collect();
        assert_eq!(spellings, ["lvshi", "lushi"]);
    }

    /// The first guide `query` finds, and the next two, for a failure message.
    fn top(index: &SearchIndex, query: &str, lang: Lang) -> Vec<String> {
        index
            .search(query, lang)
            .into_iter()
            .take(3)
            .map(|h| h.id.0)
            .collect()
    }

    /// Stopping at the first text nothing after it can beat scores every guide as reading all
    /// its texts would, for every guide's own words and parts of them.
    #[test]
    fn a_guide_scores_the_same_when_its_reading_stops_early() {
        let pack = crate::bundled().expect("bundled").into_pack();
        let index = SearchIndex::new(&pack, |_| vec![]);
        let mut queries: Vec<String> = vec![];
        for e in &index.entries {
            for (text, _) in &e.han {
                let chars: Vec<char> = text.chars().filter(|c| is_han(*c)).collect();
                for len in [1, 2, 3, 4] {
                    for at in (0..chars.len().saturating_sub(len)).step_by(7) {
                        queries.push(chars[at..at + len].iter().collect());
                    }
                }
            }
        }
        queries.sort();
        queries.dedup();
        let mut matches = 0;
        for part in queries.iter().step_by(5) {
            let chars: Vec<char> = part.chars().collect();
            let pairs: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
            for e in &index.entries {
                let every_text = e
                    .han
                    .iter()
                    .map(|(text, weight)| score_han_text(text, *weight, part, &pairs))
                    .fold(0.0f32, f32::max);
                let early = score_han(e, part, &pairs);
                assert_eq!(
                    early.to_bits(),
                    every_text.to_bits(),
                    "{part} in {}",
                    e.id.0
                );
                matches += usize::from(every_text > 0.0);
            }
        }
        assert!(matches > 1_000, "only {matches} matches compared");
    }

    /// The guides read for a Chinese query are exactly those holding its character, or one of
    /// its pairs side by side: every guide that matches is among them, and no other. Queries
    /// are pieces of the guides' own texts, and pieces with a character from elsewhere added
    /// (which match by most of their pairs).
    #[test]
    fn only_the_guides_holding_a_pair_of_the_query_are_read() {
        let pack = crate::bundled().expect("bundled").into_pack();
        let index = SearchIndex::new(&pack, |_| vec![]);
        let mut queries: Vec<String> = vec![];
        for (n, e) in index.entries.iter().enumerate() {
            let other = &index.entries[(n + 17) % index.entries.len()].han[0].0;
            let stranger = other.chars().rev().find(|c| is_han(*c)).unwrap_or('的');
            for (text, _) in &e.han {
                let chars: Vec<char> = text.chars().filter(|c| is_han(*c)).collect();
                for len in [1, 2, 3, 4] {
                    for at in (0..chars.len().saturating_sub(len)).step_by(11) {
                        let piece: String = chars[at..at + len].iter().collect();
                        queries.push(format!("{piece}{stranger}"));
                        queries.push(piece);
                    }
                }
            }
        }
        queries.sort();
        queries.dedup();
        let (mut matches, mut read) = (0, 0);
        for part in queries.iter().step_by(3) {
            let chars: Vec<char> = part.chars().collect();
            let pairs: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
            let candidates = index.han_candidates(part, &pairs);
            for (e, candidate) in index.entries.iter().zip(candidates) {
                let holds = |piece: &str| e.han.iter().any(|(text, _)| text.contains(piece));
                let expected = if pairs.is_empty() {
                    holds(part)
                } else {
                    pairs.iter().any(|p| holds(p))
                };
                assert_eq!(candidate, expected, "{part} in {}", e.id.0);
                let score = score_han(e, part, &pairs);
                assert!(candidate || score == 0.0, "{part} matches {}", e.id.0);
                matches += usize::from(score > 0.0);
                read += usize::from(candidate);
            }
        }
        assert!(matches > 1_000, "only {matches} matches compared");
        assert!(
            read < matches * 2,
            "{read} guides read for {matches} matches"
        );
    }

    #[test]
    fn traditional_characters_and_pinyin_with_spaces_or_tones_find_the_same_guides() {
        let pack = crate::bundled().expect("bundled").into_pack();
        let index = SearchIndex::new(&pack, |_| vec![]);
        for (query, lang, expected) in [
            ("護照遺失", Lang::ZhTw, "passport-lost-report"),
            ("駕駛證", Lang::ZhTw, "driving-licence-"),
            ("戶口", Lang::ZhTw, "hukou-"),
            ("jia shi zheng", Lang::ZhCn, "driving-licence-"),
            ("jià shǐ zhèng", Lang::ZhCn, "driving-licence-"),
            ("JIA SHI ZHENG", Lang::En, "driving-licence-"),
            ("hu kou", Lang::En, "hukou-"),
        ] {
            let found = top(&index, query, lang);
            assert!(
                found.first().is_some_and(|id| id.starts_with(expected)),
                "{query}: {found:?}"
            );
        }
    }

    #[test]
    fn italian_french_and_spanish_words_find_the_guide_accents_or_not() {
        let pack = crate::bundled().expect("bundled").into_pack();
        let index = SearchIndex::new(&pack, |_| vec![]);
        // The police's certificate and the notary's both answer "criminal record".
        for (query, lang, expected) in [
            ("passaporto perso", Lang::It, "passport-lost-report"),
            ("patente di guida", Lang::It, "driving-licence-"),
            ("certificato penale", Lang::It, "criminal-record"),
            ("passeport perdu", Lang::Fr, "passport-lost-report"),
            ("permis de conduire", Lang::Fr, "driving-licence-"),
            ("casier judiciaire", Lang::Fr, "criminal-record"),
            ("pasaporte perdido", Lang::Es, "passport-lost-report"),
            ("carnet de conducir", Lang::Es, "driving-licence-"),
            ("antecedentes penales", Lang::Es, "criminal-record"),
            (
                "légalisation apostille",
                Lang::Fr,
                "apostille-and-legalisation",
            ),
            (
                "legalisation apostille",
                Lang::Fr,
                "apostille-and-legalisation",
            ),
        ] {
            let found = top(&index, query, lang);
            assert!(
                found.first().is_some_and(|id| id.contains(expected)),
                "{query}: {found:?}"
            );
        }
    }

    /// Looking phrases up by their words finds every phrase a comparison with each one finds.
    #[test]
    fn phrases_are_found_through_their_words_as_by_reading_them_all() {
        let pack = crate::bundled().expect("bundled").into_pack();
        let index = SearchIndex::new(&pack, |_| vec![]);
        let mut checked = 0;
        for key in &index.phrases.keys {
            let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
            for n in 2..=3 {
                for run in words.windows(n) {
                    // Whole words, and the last one cut short as someone still typing.
                    let last = run[n - 1];
                    let cut = &last[..last.len().div_ceil(2)];
                    for last in [last, cut] {
                        let phrase = [&run[..n - 1], &[last]].concat().join(" ");
                        let every: Vec<usize> = (0..index.phrases.keys.len())
                            .filter(|&i| index.phrases.keys[i].contains(phrase.as_str()))
                            .collect();
                        assert_eq!(index.phrases_holding(&phrase, last), every, "{phrase}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 1_000, "only {checked} phrases checked");
    }

    #[test]
    fn pinyin_is_found_from_any_syllable_and_any_initial() {
        let pack = crate::bundled().expect("bundled").into_pack();
        let index = SearchIndex::new(&pack, |_| vec![]);
        let driving = |query: &str| {
            let found = top(&index, query, Lang::ZhCn);
            assert!(
                found.iter().any(|id| id.starts_with("driving-licence-")),
                "{query}: {found:?}"
            );
        };
        // 驾驶证: from its second syllable, by its initials, with one typo.
        driving("shizheng");
        driving("jsz");
        driving("jiashizhen");
        driving("jiashizhang");
        let none = index.search("iashizheng", Lang::ZhCn);
        assert!(
            none.iter().all(|h| !h.id.0.starts_with("driving-licence-")),
            "a syllable cut in two finds nothing: {none:?}"
        );
    }

    /// Any input, in any script, at any length, gives an answer and never a panic.
    #[test]
    fn search_never_panics_on_odd_input() {
        let pack = crate::bundled().expect("bundled").into_pack();
        let index = SearchIndex::new(&pack, |_| vec![]);
        let mut queries: Vec<String> = vec![
            String::new(),
            " ".into(),
            "ü".into(),
            "lü".into(),
            "𠀀".into(),
            "ａ".into(),
            "-".into(),
            "x".repeat(300),
            "驾".repeat(100),
            "é è ñ ß".into(),
            "12345".into(),
            "a\u{0}b".into(),
        ];
        // Every prefix of every title's pinyin, the shapes that reach the typo branch.
        for g in &pack.guides {
            let whole = to_pinyin(g.title.get(Lang::ZhCn)).whole;
            let chars: Vec<char> = whole.chars().collect();
            for n in 1..=chars.len().min(16) {
                queries.push(chars[..n].iter().collect());
                queries.push(format!("{}q", chars[..n].iter().collect::<String>()));
            }
        }
        for q in queries {
            for lang in Lang::ALL {
                let _ = index.search(&q, lang);
            }
        }
    }
}
