//! Places: Den Haag wijken and 4-digit postcodes with their centroids, distances, and the
//! geo cells the matcher uses to touch only the part of the catalog under a radius.
//!
//! Reference data comes from `data/reference/` (CBS wijken, PC4 centroids; see SOURCES.md
//! there). Coordinates are approximate (100–300 m), which is fine for "nearby".
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A point in WGS84.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

/// Rough bounding box of the European Netherlands: records outside it are typos.
pub fn in_netherlands(lat: f64, lon: f64) -> bool {
    (50.7..=53.7).contains(&lat) && (3.2..=7.3).contains(&lon)
}

/// Great-circle distance in kilometres (haversine).
pub fn distance_km(a: LatLon, b: LatLon) -> f64 {
    let r = 6371.0088_f64;
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let dla = la2 - la1;
    let dlo = (b.lon - a.lon).to_radians();
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * r * h.sqrt().asin()
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Wijk {
    pub code: String,
    pub name: String,
    pub stadsdeel: String,
    pub lat: f64,
    pub lon: f64,
    /// Names residents use for it ("Bouwlust", "Vrederust"), lowercase: a place field can
    /// suggest the wijk while they type.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

impl Wijk {
    /// The point the wijk's figures are measured from (distances to tasks and venues).
    pub fn centre(&self) -> LatLon {
        LatLon {
            lat: self.lat,
            lon: self.lon,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Postcode {
    pub pc4: String,
    pub lat: f64,
    pub lon: f64,
    pub wijk_code: String,
}

/// Wijken and postcodes of Den Haag with lookup by code, name, alias or PC4.
#[derive(Debug, Clone)]
pub struct Places {
    pub wijken: Vec<Wijk>,
    pub postcodes: Vec<Postcode>,
    by_key: HashMap<String, usize>,
    by_pc4: HashMap<String, usize>,
}

#[derive(Deserialize)]
struct WijkRow {
    code: String,
    name: String,
    stadsdeel: String,
    lat: f64,
    lon: f64,
}
#[derive(Deserialize)]
struct Pc4Row {
    pc4: String,
    lat: f64,
    lon: f64,
    wijk_code: String,
}
#[derive(Deserialize)]
struct AliasFile {
    aliases: HashMap<String, String>,
}

/// A reference-place file that cannot be used: which file, and why.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct PlacesError {
    pub file: &'static str,
    pub message: String,
}

fn bad(file: &'static str, message: impl ToString) -> PlacesError {
    PlacesError {
        file,
        message: message.to_string(),
    }
}

impl Places {
    pub fn embedded() -> Result<Self, PlacesError> {
        Self::from_sources(
            include_str!("../data/reference/denhaag-wijken.csv"),
            include_str!("../data/reference/denhaag-pc4.csv"),
            include_str!("../data/reference/wijk-aliases.json"),
        )
    }

    pub fn from_sources(
        wijken_csv: &str,
        pc4_csv: &str,
        aliases: &str,
    ) -> Result<Self, PlacesError> {
        let mut wijken = Vec::new();
        for row in csv::Reader::from_reader(wijken_csv.as_bytes()).deserialize::<WijkRow>() {
            let r = row.map_err(|e| bad("denhaag-wijken.csv", e))?;
            wijken.push(Wijk {
                code: r.code,
                name: r.name,
                stadsdeel: r.stadsdeel,
                lat: r.lat,
                lon: r.lon,
                aliases: Vec::new(),
            });
        }
        let mut postcodes = Vec::new();
        for row in csv::Reader::from_reader(pc4_csv.as_bytes()).deserialize::<Pc4Row>() {
            let r = row.map_err(|e| bad("denhaag-pc4.csv", e))?;
            postcodes.push(Postcode {
                pc4: r.pc4,
                lat: r.lat,
                lon: r.lon,
                wijk_code: r.wijk_code,
            });
        }
        let mut by_key = HashMap::new();
        for (i, w) in wijken.iter().enumerate() {
            by_key.insert(normalise(&w.code), i);
            by_key.insert(normalise(&w.name), i);
        }
        let alias: AliasFile =
            serde_json::from_str(aliases).map_err(|e| bad("wijk-aliases.json", e))?;
        for (name, code) in alias.aliases {
            let i = *by_key
                .get(&normalise(&code))
                .ok_or_else(|| bad("wijk-aliases.json", format!("unknown wijk code {code}")))?;
            by_key.entry(normalise(&name)).or_insert(i);
            if !wijken[i].aliases.contains(&name) {
                wijken[i].aliases.push(name);
            }
        }
        for w in &mut wijken {
            w.aliases.sort();
        }
        let by_pc4 = postcodes
            .iter()
            .enumerate()
            .map(|(i, p)| (p.pc4.clone(), i))
            .collect();
        Ok(Self {
            wijken,
            postcodes,
            by_key,
            by_pc4,
        })
    }

    /// A wijk by CBS code, official name or common alias, case-insensitive.
    pub fn wijk(&self, key: &str) -> Option<&Wijk> {
        self.by_key.get(&normalise(key)).map(|&i| &self.wijken[i])
    }

    pub fn wijk_by_code(&self, code: &str) -> Option<&Wijk> {
        self.wijk(code)
    }

    /// A 4-digit postcode; a full postcode ("2532 AB") is cut to its 4 digits.
    pub fn postcode(&self, s: &str) -> Option<&Postcode> {
        let digits: String = s.chars().filter(|c| !c.is_whitespace()).take(4).collect();
        self.by_pc4.get(&digits).map(|&i| &self.postcodes[i])
    }

    /// The wijk nearest to a point (for records that carry coordinates only).
    pub fn nearest_wijk(&self, p: LatLon) -> Option<&Wijk> {
        self.wijken.iter().min_by(|a, b| {
            let da = distance_km(
                p,
                LatLon {
                    lat: a.lat,
                    lon: a.lon,
                },
            );
            let db = distance_km(
                p,
                LatLon {
                    lat: b.lat,
                    lon: b.lon,
                },
            );
            da.total_cmp(&db)
        })
    }
}

fn normalise(s: &str) -> String {
    s.trim().to_lowercase()
}

/// A square-ish cell of the geo grid (about 1.1 km north-south, 0.7 km east-west here).
///
/// The matcher orders its columns by cell so that a radius query reads only the rows of
/// the cells under the radius' bounding box.
pub const CELL_DEG: f64 = 0.01;

pub fn cell_of(p: LatLon) -> (i32, i32) {
    (
        (p.lat / CELL_DEG).floor() as i32,
        (p.lon / CELL_DEG).floor() as i32,
    )
}

/// The cell rows and column range that cover a circle of `radius_km` around `p`.
pub fn cells_covering(
    p: LatLon,
    radius_km: f64,
) -> (std::ops::RangeInclusive<i32>, std::ops::RangeInclusive<i32>) {
    let dlat = radius_km / 111.32;
    let dlon = radius_km / (111.32 * p.lat.to_radians().cos().max(0.01));
    let lo = cell_of(LatLon {
        lat: p.lat - dlat,
        lon: p.lon - dlon,
    });
    let hi = cell_of(LatLon {
        lat: p.lat + dlat,
        lon: p.lon + dlon,
    });
    (lo.0..=hi.0, lo.1..=hi.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_resolve_names_aliases_and_postcodes() {
        let p = Places::embedded().unwrap();
        assert_eq!(p.wijken.len(), 44);
        assert_eq!(p.wijk("moerwijk").unwrap().code, "WK051836");
        assert_eq!(p.wijk("Bouwlust").unwrap().code, "WK051833");
        assert_eq!(p.wijk("WK051834").unwrap().name, "Morgenstond");
        assert!(p.postcode("2532 AB").is_some());
        assert!(p.postcode("9999").is_none());
    }

    #[test]
    fn distance_is_plausible() {
        // Den Haag Centraal to Moerwijk is roughly 3.5 km.
        let a = LatLon {
            lat: 52.0809,
            lon: 4.3242,
        };
        let b = LatLon {
            lat: 52.0537,
            lon: 4.2956,
        };
        let d = distance_km(a, b);
        assert!((3.0..4.2).contains(&d), "{d}");
    }

    #[test]
    fn covering_cells_contain_the_circle() {
        let p = LatLon {
            lat: 52.05,
            lon: 4.29,
        };
        let (rows, cols) = cells_covering(p, 2.0);
        let east = LatLon {
            lat: 52.05,
            lon: 4.29 + 2.0 / (111.32 * 52.05f64.to_radians().cos()),
        };
        assert!(cols.contains(&cell_of(east).1));
        assert!(rows.contains(&cell_of(p).0));
    }
}

/// Where a logged value may place a resident: never closer than a cell of the coarse
/// grid and a distance band. Exact distances to a few known task locations give a home
/// away by trilateration; distances from the centre of the home's grid cell, rounded
/// into bands, say no more than the cell.
pub mod coarse {
    use super::{distance_km, LatLon};

    /// Side of a grid cell, in kilometres: twice the narrowest band, so that the homes
    /// one log fits span more than a band (about a wijk in Zuidwest).
    pub const CELL_KM: f64 = 2.0;
    /// Upper edges of the distance bands, in kilometres; beyond the last is one band.
    pub const BAND_EDGES_KM: [f64; 5] = [1.0, 2.0, 3.0, 5.0, 10.0];
    const KM_PER_DEGREE_LAT: f64 = 111.32;
    /// The cells' longitude step is fixed at Den Haag's latitude, so a cell is a cell for
    /// everyone (a step that followed each home's latitude would itself say something).
    const REFERENCE_LAT: f64 = 52.07;

    /// The centre of the grid cell that holds `p`.
    pub fn cell_centre(p: LatLon) -> LatLon {
        let dlat = CELL_KM / KM_PER_DEGREE_LAT;
        let dlon = CELL_KM / (KM_PER_DEGREE_LAT * REFERENCE_LAT.to_radians().cos());
        LatLon {
            lat: ((p.lat / dlat).floor() + 0.5) * dlat,
            lon: ((p.lon / dlon).floor() + 0.5) * dlon,
        }
    }

    /// The band a distance falls in, as `lower-upper` in km (`10+` for the last).
    pub fn band(km: f64) -> &'static str {
        const NAMES: [&str; 6] = ["0-1", "1-2", "2-3", "3-5", "5-10", "10+"];
        let i = BAND_EDGES_KM
            .iter()
            .position(|e| km < *e)
            .unwrap_or(BAND_EDGES_KM.len());
        NAMES[i]
    }

    /// The middle of a band, in km: what a logged value computed from a band assumes.
    pub fn band_middle(band: &str) -> Option<f64> {
        Some(match band {
            "0-1" => 0.5,
            "1-2" => 1.5,
            "2-3" => 2.5,
            "3-5" => 4.0,
            "5-10" => 7.5,
            "10+" => 12.5,
            _ => return None,
        })
    }

    /// The band of the distance from the centre of `home`'s cell to `place`.
    pub fn band_between(home: LatLon, place: LatLon) -> &'static str {
        band(distance_km(cell_centre(home), place))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn homes_in_one_cell_give_the_same_bands() {
            let a = LatLon {
                lat: 52.0431,
                lon: 4.2715,
            };
            let c = cell_centre(a);
            let b = LatLon {
                lat: c.lat + 0.006,
                lon: c.lon - 0.01,
            };
            assert_eq!(cell_centre(b), c);
            let place = LatLon {
                lat: 52.06,
                lon: 4.30,
            };
            assert_eq!(band_between(a, place), band_between(b, place));
            assert_eq!(band(0.2), "0-1");
            assert_eq!(band(4.99), "3-5");
            assert_eq!(band(30.0), "10+");
            for b in ["0-1", "1-2", "2-3", "3-5", "5-10", "10+"] {
                assert_eq!(band(band_middle(b).unwrap()), b);
            }
        }
    }
}
