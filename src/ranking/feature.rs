//! The soft-fit features by name: an enum per kind of record, and a value per feature
//! indexed by it, so no score is filled or read by position.

macro_rules! feature_set {
    ($(#[$m:meta])* $enum:ident, $per:ident, $n:literal { $($var:ident => $name:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $enum {
            $($var),+
        }

        impl $enum {
            pub const COUNT: usize = $n;
            pub const ALL: [$enum; $n] = [$($enum::$var),+];

            /// Its name in `data/ranking/weights.json` and in `explain`.
            pub fn name(self) -> &'static str {
                match self {
                    $($enum::$var => $name),+
                }
            }
        }

        /// One value per feature, indexed by the feature.
        #[derive(Debug, Clone, Copy, PartialEq, Default)]
        pub struct $per<T>(pub [T; $n]);

        impl<T> std::ops::Index<$enum> for $per<T> {
            type Output = T;
            fn index(&self, f: $enum) -> &T {
                &self.0[f as usize]
            }
        }

        impl<T> std::ops::IndexMut<$enum> for $per<T> {
            fn index_mut(&mut self, f: $enum) -> &mut T {
                &mut self.0[f as usize]
            }
        }

        impl<T> $per<T> {
            /// (feature, value) in the features' order.
            pub fn iter(&self) -> impl Iterator<Item = ($enum, &T)> + Clone {
                $enum::ALL.into_iter().zip(self.0.iter())
            }
        }
    };
}

feature_set!(
    /// What makes a task fit a person beyond the hard limits.
    Feature, PerFeature, 13 {
        Interest => "interest",
        Skill => "skill",
        Learn => "learn",
        Motive => "motive",
        Time => "time",
        Commitment => "commitment",
        Distance => "distance",
        FirstStep => "first_step",
        Allowance => "allowance",
        Certificate => "certificate",
        WorkExperience => "work_experience",
        Access => "access",
        Text => "text",
    }
);

feature_set!(
    /// What makes a training fit a person and the tasks shown.
    TrainingFeature, PerTrainingFeature, 8 {
        NeededFor => "needed_for",
        Learn => "learn",
        Certificate => "certificate",
        Distance => "distance",
        Cost => "cost",
        Time => "time",
        Upcoming => "upcoming",
        Text => "text",
    }
);

/// Values of the soft-fit features (0–1) for one task; `None` = inactive for this person.
pub type FeatureValues = PerFeature<Option<f64>>;
