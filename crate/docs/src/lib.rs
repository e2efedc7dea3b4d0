//! What Témoin tells people, built from the core's case view: the law and its deadlines, the
//! recourses and the guide, the letters, and the export bundle with its report, spreadsheet and
//! instructions, in French or English. Nothing here decides what is valid: that is the core's.

pub mod deadlines;
pub mod export;
pub mod guide;
pub mod law;
pub mod recourses;
pub mod report;
pub mod untrusted;
