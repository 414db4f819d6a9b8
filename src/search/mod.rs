//! The tantivy index: Dutch full-text search (stemming, stop words, accent folding) and the
//! filters of the "sociale kaart". It is derived from the sled store and can always be
//! rebuilt from it. One schema definition, one `IndexReader` reused across requests.
use std::ops::Bound;
use std::path::Path;
use std::sync::Mutex;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EnableScoring, Occur, Query, QueryParser, RangeQuery,
    TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value as _, FAST, INDEXED,
    STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer,
};
pub use tantivy::SegmentReader;
use tantivy::{DocSet, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};
use thiserror::Error;

use crate::catalog::model::{Kind, Record};
use crate::geo::LatLon;
use crate::taxonomy::Taxonomies;

/// Bump when the schema or analysis changes: a mismatch triggers a rebuild from the store.
const SCHEMA_VERSION: &str = "ts-index-4";
const TOKENIZER: &str = "nl_stem";

#[derive(Debug, Error)]
pub enum SearchError {
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("index directory: {0}")]
    Io(#[from] std::io::Error),
    #[error("query: {0}")]
    Query(String),
}

/// A word in a title counts twice a word in the description or keywords.
const TITLE_BOOST: f32 = 2.0;

#[derive(Clone, Copy)]
struct Fields {
    key: Field,
    kind: Field,
    id: Field,
    idh: Field,
    title: Field,
    body: Field,
    keywords: Field,
    org: Field,
    role: Field,
    wijk: Field,
    category: Field,
    topic: Field,
    slot: Field,
    lat: Field,
    lon: Field,
    certificate: Field,
    free: Field,
    remote: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let f = Fields {
        key: b.add_text_field("key", STRING),
        kind: b.add_text_field("kind", STRING),
        id: b.add_text_field("id", STRING | STORED),
        idh: b.add_u64_field("idh", FAST),
        title: b.add_text_field("title", text.clone()),
        body: b.add_text_field("body", text.clone()),
        keywords: b.add_text_field("keywords", text),
        org: b.add_text_field("org", STRING),
        role: b.add_text_field("role", STRING),
        wijk: b.add_text_field("wijk", STRING),
        category: b.add_text_field("category", STRING),
        topic: b.add_text_field("topic", STRING),
        slot: b.add_text_field("slot", STRING),
        lat: b.add_f64_field("lat", INDEXED | FAST),
        lon: b.add_f64_field("lon", INDEXED | FAST),
        certificate: b.add_u64_field("certificate", INDEXED | FAST),
        free: b.add_u64_field("free", INDEXED | FAST),
        remote: b.add_u64_field("remote", INDEXED | FAST),
    };
    (b.build(), f)
}

/// Dutch analysis: lowercase, fold accents (kookcafé → kookcafe), drop Dutch stop words,
/// Snowball Dutch stemmer.
fn analyzer() -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter);
    match StopWordFilter::new(Language::Dutch) {
        Some(sw) => builder
            .filter(sw)
            .filter(Stemmer::new(Language::Dutch))
            .build(),
        None => builder.filter(Stemmer::new(Language::Dutch)).build(),
    }
}

/// Filters of the sociale kaart; all optional and combined with AND.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub q: Option<String>,
    pub wijk: Option<String>,
    pub category: Option<String>,
    pub topic: Option<String>,
    pub slot: Option<String>,
    pub organisation: Option<String>,
    pub role: Option<String>,
    pub near: Option<(LatLon, f64)>,
    pub certificate: Option<bool>,
    pub free: Option<bool>,
}

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    f: Fields,
    parser_fields: Vec<Field>,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it when absent or when its schema is outdated.
    /// Returns the index and the store sequence number its last commit covers (`None`
    /// when it must be rebuilt).
    pub fn open(dir: &Path) -> Result<(Self, Option<u64>), SearchError> {
        let (schema, f) = schema();
        std::fs::create_dir_all(dir)?;
        let existing = Index::open_in_dir(dir)
            .ok()
            .filter(|i| i.schema() == schema);
        let (index, covered) = match existing {
            Some(i) => {
                let payload = i.load_metas()?.payload.unwrap_or_default();
                let covered = payload
                    .strip_prefix(SCHEMA_VERSION)
                    .and_then(|s| s.strip_prefix(':'))
                    .and_then(|s| s.parse::<u64>().ok());
                (i, covered)
            }
            None => {
                std::fs::remove_dir_all(dir)?;
                std::fs::create_dir_all(dir)?;
                (Index::create_in_dir(dir, schema)?, None)
            }
        };
        index.tokenizers().register(TOKENIZER, analyzer());
        let writer = index.writer_with_num_threads(1, 50_000_000)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok((
            Self {
                parser_fields: vec![f.title, f.body, f.keywords],
                index,
                reader,
                writer: Mutex::new(writer),
                f,
            },
            covered,
        ))
    }

    fn key(kind: Kind, id: &str) -> String {
        format!("{}/{id}", kind.as_str())
    }

    fn document(&self, r: &Record, tax: &Taxonomies, org_name: &str) -> TantivyDocument {
        let f = &self.f;
        let mut d = TantivyDocument::default();
        d.add_text(f.key, Self::key(r.kind(), r.id()));
        d.add_text(f.kind, r.kind().as_str());
        d.add_text(f.id, r.id());
        d.add_u64(f.idh, id_hash(r.id()));
        let mut keywords: Vec<String> = vec![org_name.to_string()];
        let mut point = None;
        let mut wijk = None;
        match r {
            Record::Organisation(o) => {
                d.add_text(f.title, &o.name);
                d.add_text(f.body, &o.description);
                d.add_text(f.org, &o.id);
                point = Some(o.location);
                wijk = Some(o.wijk.clone());
                if let Some(k) = &o.kind {
                    keywords.push(k.clone());
                }
            }
            Record::Role(ro) => {
                d.add_text(f.title, &ro.title);
                d.add_text(f.body, &ro.description);
                d.add_text(f.org, &ro.organisation_id);
            }
            Record::Task(t) => {
                d.add_text(f.title, &t.title);
                d.add_text(f.body, &t.description);
                d.add_text(f.org, &t.organisation_id);
                if let Some(r) = &t.role_id {
                    d.add_text(f.role, r);
                }
                for c in &t.categories {
                    d.add_text(f.category, c);
                    if let Some(term) = tax.categories.get(c) {
                        keywords.push(term.nl.clone());
                        keywords.extend(term.synonyms.iter().cloned());
                    }
                }
                for s in t.skills.iter().chain(&t.learn_skills) {
                    if let Some(term) = tax.skills.get(s) {
                        keywords.push(term.nl.clone());
                        keywords.extend(term.synonyms.iter().cloned());
                    }
                }
                for s in &t.schedule.slots {
                    d.add_text(f.slot, s.id());
                }
                keywords.extend(t.work_experience.iter().cloned());
                d.add_u64(f.certificate, t.certificate as u64);
                d.add_u64(f.free, 1);
                d.add_u64(f.remote, t.remote as u64);
                if let Some(l) = &t.location {
                    point = Some(l.point());
                    wijk = Some(l.wijk.clone());
                }
            }
            Record::Training(t) => {
                d.add_text(f.title, &t.title);
                d.add_text(f.body, &t.description);
                keywords.push(t.provider.clone());
                for tp in &t.topics {
                    d.add_text(f.topic, tp);
                    if let Some(term) = tax.topics.get(tp) {
                        keywords.push(term.nl.clone());
                        keywords.extend(term.synonyms.iter().cloned());
                    }
                }
                for s in &t.skills {
                    if let Some(term) = tax.skills.get(s) {
                        keywords.push(term.nl.clone());
                    }
                }
                if let Some(s) = &t.schedule {
                    for sl in &s.slots {
                        d.add_text(f.slot, sl.id());
                    }
                }
                d.add_u64(f.certificate, t.certificate as u64);
                d.add_u64(f.free, (t.cost_eur <= 0.0) as u64);
                d.add_u64(f.remote, t.online as u64);
                if let Some(l) = &t.location {
                    point = Some(l.point());
                    wijk = Some(l.wijk.clone());
                }
            }
        }
        d.add_text(f.keywords, keywords.join(" "));
        if let Some(w) = wijk.filter(|w| !w.is_empty()) {
            d.add_text(f.wijk, w.to_lowercase());
        }
        if let Some(p) = point {
            d.add_f64(f.lat, p.lat);
            d.add_f64(f.lon, p.lon);
        }
        d
    }

    /// Replaces the documents of `records` and commits, recording the store sequence
    /// number; the change is searchable when this returns.
    pub fn upsert(
        &self,
        records: &[Record],
        tax: &Taxonomies,
        org_name: &dyn Fn(&str) -> String,
        seq: u64,
    ) -> Result<(), SearchError> {
        let mut w = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        for r in records {
            w.delete_term(Term::from_field_text(
                self.f.key,
                &Self::key(r.kind(), r.id()),
            ));
            let org = r.organisation_id().map(org_name).unwrap_or_default();
            w.add_document(self.document(r, tax, &org))?;
        }
        self.commit(&mut w, seq)
    }

    pub fn delete(&self, kind: Kind, id: &str, seq: u64) -> Result<(), SearchError> {
        let mut w = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        w.delete_term(Term::from_field_text(self.f.key, &Self::key(kind, id)));
        self.commit(&mut w, seq)
    }

    /// Drops every document (before a rebuild).
    pub fn clear(&self) -> Result<(), SearchError> {
        let w = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        w.delete_all_documents()?;
        Ok(())
    }

    /// Adds documents without committing (bulk rebuild); call `commit_seq` afterwards.
    pub fn add_uncommitted(
        &self,
        records: &[Record],
        tax: &Taxonomies,
        org_name: &dyn Fn(&str) -> String,
    ) -> Result<(), SearchError> {
        let w = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        for r in records {
            let org = r.organisation_id().map(org_name).unwrap_or_default();
            w.add_document(self.document(r, tax, &org))?;
        }
        Ok(())
    }

    pub fn commit_seq(&self, seq: u64) -> Result<(), SearchError> {
        let mut w = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        self.commit(&mut w, seq)
    }

    fn commit(&self, w: &mut IndexWriter, seq: u64) -> Result<(), SearchError> {
        let mut prepared = w.prepare_commit()?;
        prepared.set_payload(&format!("{SCHEMA_VERSION}:{seq}"));
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    pub fn count(&self, kind: Kind) -> Result<usize, SearchError> {
        let q = TermQuery::new(
            Term::from_field_text(self.f.kind, kind.as_str()),
            IndexRecordOption::Basic,
        );
        Ok(self.reader.searcher().search(&q, &Count)?)
    }

    fn text_query(&self, q: &str) -> Result<Box<dyn Query>, SearchError> {
        let mut parser = QueryParser::for_index(&self.index, self.parser_fields.clone());
        parser.set_field_boost(self.f.title, TITLE_BOOST);
        // Residents type words, not query syntax: a lenient parse never fails on quotes
        // or colons, and any word may match (OR), ranked by BM25.
        let (query, _errors) = parser.parse_query_lenient(q);
        Ok(query)
    }

    /// Ids of `kind` matching `filters`, best first (BM25 with words, else index order),
    /// at most `limit`; plus the total number of hits.
    pub fn search(
        &self,
        kind: Kind,
        filters: &Filters,
        limit: usize,
    ) -> Result<(Vec<(String, f32)>, usize), SearchError> {
        let f = &self.f;
        let term = |field: Field, v: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, v),
                IndexRecordOption::Basic,
            ))
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, term(f.kind, kind.as_str()))];
        if let Some(q) = filters.q.as_deref().filter(|q| !q.trim().is_empty()) {
            clauses.push((Occur::Must, self.text_query(q)?));
        }
        if let Some(w) = &filters.wijk {
            clauses.push((Occur::Must, term(f.wijk, &w.to_lowercase())));
        }
        for (field, v) in [
            (f.category, &filters.category),
            (f.topic, &filters.topic),
            (f.slot, &filters.slot),
            (f.org, &filters.organisation),
            (f.role, &filters.role),
        ] {
            if let Some(v) = v {
                clauses.push((Occur::Must, term(field, v)));
            }
        }
        let flag = |field: Field, v: bool| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_u64(field, v as u64),
                IndexRecordOption::Basic,
            ))
        };
        if let Some(c) = filters.certificate {
            clauses.push((Occur::Must, flag(f.certificate, c)));
        }
        if let Some(c) = filters.free {
            clauses.push((Occur::Must, flag(f.free, c)));
        }
        if let Some((p, r)) = filters.near {
            clauses.extend(self.box_around(p, r));
        }
        let query: Box<dyn Query> = if clauses.is_empty() {
            Box::new(AllQuery)
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        let searcher = self.reader.searcher();
        let (top, total) = searcher.search(
            &query,
            &(TopDocs::with_limit(limit.max(1)).order_by_score(), Count),
        )?;
        let mut out = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            if let Some(id) = doc.get_first(f.id).and_then(|v| v.as_str()) {
                out.push((id.to_string(), score));
            }
        }
        Ok((out, total))
    }

    /// Must-clauses for the lat/lon box enclosing a circle of `r` km around `p` (range
    /// queries on the indexed coordinates).
    fn box_around(&self, p: LatLon, r: f64) -> Vec<(Occur, Box<dyn Query>)> {
        let dlat = r / 111.32;
        let dlon = r / (111.32 * p.lat.to_radians().cos().max(0.01));
        let range = |field: Field, lo: f64, hi: f64| -> (Occur, Box<dyn Query>) {
            (
                Occur::Must,
                Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_f64(field, lo)),
                    Bound::Included(Term::from_field_f64(field, hi)),
                )),
            )
        };
        vec![
            range(self.f.lat, p.lat - dlat, p.lat + dlat),
            range(self.f.lon, p.lon - dlon, p.lon + dlon),
        ]
    }

    /// BM25 of `kind` documents for free text, normalised to 0–1 by the best hit, keyed by
    /// `id_hash` read from a fast field (no stored-document reads). For the few hundred
    /// trainings; tasks go through `text_hits`.
    pub fn relevance(
        &self,
        kind: Kind,
        q: &str,
        limit: usize,
    ) -> Result<Vec<(u64, f32)>, SearchError> {
        let query = self.words_query(kind, q)?;
        let searcher = self.reader.searcher();
        let top = searcher.search(&query, &TopDocs::with_limit(limit.max(1)).order_by_score())?;
        let max = top.iter().map(|(s, _)| *s).fold(0.0f32, f32::max);
        let mut columns: Vec<Option<tantivy::columnar::Column<u64>>> =
            vec![None; searcher.segment_readers().len()];
        let mut out = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let seg = addr.segment_ord as usize;
            if columns[seg].is_none() {
                columns[seg] = Some(
                    searcher
                        .segment_reader(addr.segment_ord)
                        .fast_fields()
                        .u64("idh")?,
                );
            }
            if let Some(h) = columns[seg].as_ref().and_then(|c| c.first(addr.doc_id)) {
                out.push((h, if max > 0.0 { score / max } else { 0.0 }));
            }
        }
        Ok(out)
    }

    /// Documents of `kind` matching free text, scored by BM25.
    fn words_query(&self, kind: Kind, q: &str) -> Result<BooleanQuery, SearchError> {
        let of_kind: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_text(self.f.kind, kind.as_str()),
            IndexRecordOption::Basic,
        ));
        Ok(BooleanQuery::new(vec![
            (Occur::Must, of_kind),
            (Occur::Must, self.text_query(q)?),
        ]))
    }

    /// Raw BM25 of every live `kind` document matching free text, word by word: `hit`
    /// gets (row, score, word) for each document a word matches, with rows from `rows`
    /// (documents without a row are skipped); the answer holds each word's weight (its
    /// idf; 0 for a word no document has), so a caller can tell a document that matches
    /// the rare, telling words of a sentence from one that matches only a common one.
    /// Summed over the words, a document's scores are its BM25 for the whole text. No
    /// top-k and no geo filter: the matcher only needs the scores of its own candidates,
    /// and visiting each hit once is cheaper than ranking them here (benches/RESULTS.md).
    /// No kind clause either: `rows` maps only documents of `kind` (`segment_id_hashes`),
    /// so intersecting with the kind's postings — every task — would only cost time.
    pub fn text_hits(
        &self,
        kind: Kind,
        q: &str,
        rows: &dyn SegmentRows,
        hit: &mut dyn FnMut(&DocRow, f32, u16),
    ) -> Result<Vec<f32>, SearchError> {
        let searcher = self.reader.searcher();
        // The parsed text's terms grouped into words: one word is its term in the title,
        // the description and the keywords.
        let mut words: Vec<Vec<Term>> = Vec::new();
        self.text_query(q)?.query_terms(&mut |term, _| {
            let word = term.serialized_value_bytes();
            match words
                .iter_mut()
                .find(|w| w[0].serialized_value_bytes() == word)
            {
                Some(w) if !w.contains(term) => w.push(term.clone()),
                Some(_) => {}
                None => words.push(vec![term.clone()]),
            }
        });
        let n = searcher.num_docs() as f32;
        let mut weights = Vec::with_capacity(words.len());
        for (w, terms) in words.iter().enumerate().take(u16::MAX as usize) {
            let mut df = 0;
            for t in terms {
                df = df.max(searcher.doc_freq(t)?);
            }
            if df == 0 {
                weights.push(0.0);
                continue;
            }
            let df = df as f32;
            weights.push((1.0 + (n - df + 0.5) / (df + 0.5)).ln());
            let clauses: Vec<(Occur, Box<dyn Query>)> = terms
                .iter()
                .map(|t| {
                    let q: Box<dyn Query> =
                        Box::new(TermQuery::new(t.clone(), IndexRecordOption::WithFreqs));
                    let q: Box<dyn Query> = if t.field() == self.f.title {
                        Box::new(BoostQuery::new(q, TITLE_BOOST))
                    } else {
                        q
                    };
                    (Occur::Should, q)
                })
                .collect();
            let weight = BooleanQuery::new(clauses)
                .weight(EnableScoring::enabled_from_searcher(&searcher))?;
            for seg in searcher.segment_readers() {
                let map = rows.rows_for(kind, seg)?;
                weight.for_each(seg, &mut |doc, score| {
                    if let Some(r) = map.get(doc as usize) {
                        if r.row != u32::MAX {
                            hit(r, score, w as u16);
                        }
                    }
                })?;
            }
        }
        Ok(weights)
    }
}

/// A document's row in an outside table (the matcher's columns) and its place, so a
/// caller can drop far hits reading memory in document order rather than jumping
/// through the table.
#[derive(Debug, Clone, Copy)]
pub struct DocRow {
    /// `u32::MAX` when the document has no row, is deleted or is of another kind.
    pub row: u32,
    /// NaN when remote.
    pub lat: f32,
    pub lon: f32,
}

/// Rows of an outside table (the matcher's columns) for the documents of one segment.
pub trait SegmentRows {
    /// Per doc id, its row and place.
    fn rows_for(
        &self,
        kind: Kind,
        seg: &SegmentReader,
    ) -> Result<std::sync::Arc<[DocRow]>, SearchError>;
}

/// Per doc id of a segment, the id hash of a live document of `kind`; `None` for a
/// deleted one or one of another kind (ids are unique per kind only).
pub fn segment_id_hashes(seg: &SegmentReader, kind: Kind) -> Result<Vec<Option<u64>>, SearchError> {
    let col = seg.fast_fields().u64("idh")?;
    let field = seg.schema().get_field("kind")?;
    let mut of_kind = vec![false; seg.max_doc() as usize];
    if let Some(mut postings) = seg.inverted_index(field)?.read_postings(
        &Term::from_field_text(field, kind.as_str()),
        IndexRecordOption::Basic,
    )? {
        let mut d = postings.doc();
        while d != tantivy::TERMINATED {
            of_kind[d as usize] = true;
            d = postings.advance();
        }
    }
    let alive = seg.alive_bitset();
    Ok((0..seg.max_doc())
        .map(|d| {
            if !of_kind[d as usize] || alive.is_some_and(|a| !a.is_alive(d)) {
                None
            } else {
                col.first(d)
            }
        })
        .collect())
}

/// A stable 64-bit hash of a record id (FNV-1a), stored as a fast field so search hits map
/// to matcher rows without reading stored documents.
pub fn id_hash(id: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in id.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// A word a person typed: its stem as the index knows it, the form they typed, and how
/// rare it is among the documents (idf), so a reason can quote the telling words of a
/// sentence instead of the sentence cut off at some length.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub stem: String,
    pub form: String,
    pub idf: f32,
}

/// The stems of the filler words residents write around what they mean
/// (`data/search/filler_words.txt`).
static FILLER: std::sync::LazyLock<std::collections::HashSet<String>> =
    std::sync::LazyLock::new(|| {
        let list = include_str!("../../data/search/filler_words.txt");
        let mut a = analyzer();
        let mut out = std::collections::HashSet::new();
        for w in list.lines().map(str::trim) {
            if w.is_empty() || w.starts_with('#') {
                continue;
            }
            let mut ts = a.token_stream(w);
            while ts.advance() {
                out.insert(ts.token().text.clone());
            }
        }
        out
    });

/// The words of free text that say what the person means: whole words in the order
/// typed, without stop words and filler ("Ik kook graag voor anderen" → "kook"). `None`
/// when nothing is left.
pub fn content_words(q: &str) -> Option<String> {
    let mut a = analyzer();
    let kept: Vec<&str> = split_words(q)
        .filter(|form| {
            let mut ts = a.token_stream(form);
            let mut content = false;
            while ts.advance() {
                content |= !FILLER.contains(&ts.token().text);
            }
            content
        })
        .collect();
    (!kept.is_empty()).then(|| kept.join(" "))
}

fn split_words(q: &str) -> impl Iterator<Item = &str> {
    q.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| !w.is_empty())
        .take(64)
}

/// The stems of a text, as the index analyses it (lowercase, accents folded, Dutch stop
/// words dropped, stemmed).
pub fn stems(text: &str) -> std::collections::HashSet<String> {
    thread_local! {
        // Building an analyzer (its stemmer and stop-word list) costs more than the text.
        static ANALYZER: std::cell::RefCell<TextAnalyzer> = std::cell::RefCell::new(analyzer());
    }
    ANALYZER.with(|a| {
        let mut a = a.borrow_mut();
        let mut ts = a.token_stream(text);
        let mut out = std::collections::HashSet::new();
        while ts.advance() {
            out.insert(ts.token().text.clone());
        }
        out
    })
}

impl SearchIndex {
    /// The telling words of free text: the content words (`content_words`) the index
    /// knows, in the order typed, each once.
    pub fn telling_words(&self, q: &str) -> Vec<Word> {
        let searcher = self.reader.searcher();
        let n = searcher.num_docs() as f32;
        let mut a = analyzer();
        let mut words: Vec<Word> = Vec::new();
        for form in split_words(q) {
            let mut ts = a.token_stream(form);
            while ts.advance() {
                let stem = ts.token().text.clone();
                if FILLER.contains(&stem) || words.iter().any(|w| w.stem == stem) {
                    continue;
                }
                let df = self
                    .parser_fields
                    .iter()
                    .map(|f| {
                        searcher
                            .doc_freq(&Term::from_field_text(*f, &stem))
                            .unwrap_or(0)
                    })
                    .max()
                    .unwrap_or(0);
                if df == 0 {
                    continue;
                }
                let df = df as f32;
                words.push(Word {
                    stem,
                    form: form.to_string(),
                    idf: (1.0 + (n - df + 0.5) / (df + 0.5)).ln(),
                });
            }
        }
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_keeps_only_its_content_words() {
        assert_eq!(
            content_words("Ik kook graag voor anderen. Ik woon hier al lang.").as_deref(),
            Some("kook")
        );
        assert_eq!(
            content_words("ik repareer graag fietsen").as_deref(),
            Some("repareer fietsen")
        );
        assert_eq!(content_words("Ik doe graag iets voor anderen"), None);
    }
}
