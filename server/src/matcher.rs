//! `nastavnik match --input FILE.json`: the optimal matcher for scripts and benchmarks.
//!
//! Input: `{"mentors":[{"id":"…","capacity":N}], "mentees":[{"id":"…"}],
//! "scores":[[number|null, …], …], "locked":[["mentee id","mentor id"]]}` where
//! `scores[i][j]` is mentee i with mentor j and null forbids the pair.
//! Output: `{"pairs":[["mentee id","mentor id"],…], "unmatched":["…"], "matched":N, "total_score":X}`.

use std::collections::HashMap;

use domain::matching::assignment::{solve, Problem};
use serde::{Deserialize, Serialize};

/// Input that cannot be matched as given: the command exits with code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadInput(pub String);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchInput {
    pub mentors: Vec<MentorIn>,
    pub mentees: Vec<MenteeIn>,
    pub scores: Vec<Vec<Option<f64>>>,
    #[serde(default)]
    pub locked: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentorIn {
    pub id: String,
    pub capacity: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenteeIn {
    pub id: String,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct MatchOutput {
    pub pairs: Vec<(String, String)>,
    pub unmatched: Vec<String>,
    pub matched: usize,
    pub total_score: f64,
}

/// Parses the input text into a problem, naming what is wrong and where.
pub fn parse(text: &str) -> Result<(MatchInput, Problem), BadInput> {
    let input: MatchInput = serde_json::from_str(text).map_err(|e| BadInput(format!("invalid input JSON: {e}")))?;
    let mentor_index = index(input.mentors.iter().map(|m| m.id.as_str()), "mentor")?;
    let mentee_index = index(input.mentees.iter().map(|m| m.id.as_str()), "mentee")?;
    if input.scores.len() != input.mentees.len() {
        return Err(BadInput(format!(
            "scores has {} rows but there are {} mentees (one row per mentee)",
            input.scores.len(),
            input.mentees.len()
        )));
    }
    let mut locked = Vec::with_capacity(input.locked.len());
    for (mentee, mentor) in &input.locked {
        let i = *mentee_index.get(mentee.as_str()).ok_or_else(|| BadInput(format!("locked pair names unknown mentee {mentee:?}")))?;
        let j = *mentor_index.get(mentor.as_str()).ok_or_else(|| BadInput(format!("locked pair names unknown mentor {mentor:?}")))?;
        locked.push((i, j));
    }
    let problem = Problem {
        capacities: input.mentors.iter().map(|m| m.capacity).collect(),
        scores: input.scores.clone(),
        locked,
    };
    Ok((input, problem))
}

fn index<'a>(ids: impl Iterator<Item = &'a str>, what: &str) -> Result<HashMap<&'a str, usize>, BadInput> {
    let mut map = HashMap::new();
    for (position, id) in ids.enumerate() {
        if map.insert(id, position).is_some() {
            return Err(BadInput(format!("{what} id {id:?} appears twice")));
        }
    }
    Ok(map)
}

/// Solves parsed input and names the pairs by id.
pub fn run(input: &MatchInput, problem: &Problem) -> Result<MatchOutput, BadInput> {
    let solution = solve(problem).map_err(|e| BadInput(e.to_string()))?;
    let mut pairs = Vec::with_capacity(solution.matched);
    let mut unmatched = Vec::new();
    for (i, mentor) in solution.mentor_of.iter().enumerate() {
        match mentor {
            Some(j) => pairs.push((input.mentees[i].id.clone(), input.mentors[*j].id.clone())),
            None => unmatched.push(input.mentees[i].id.clone()),
        }
    }
    Ok(MatchOutput { pairs, unmatched, matched: solution.matched, total_score: solution.total_score })
}

/// The subcommand: read, solve, print one JSON line.
pub fn command(path: &std::path::Path) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(path).map_err(|e| BadInput(format!("cannot read {}: {e}", path.display())))?;
    let (input, problem) = parse(&text)?;
    let output = run(&input, &problem)?;
    println!("{}", serde_json::to_string(&output)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_named_by_id_and_the_objective_reported() {
        let text = r#"{"mentors":[{"id":"M1","capacity":1},{"id":"M2","capacity":2}],
            "mentees":[{"id":"a"},{"id":"b"},{"id":"c"},{"id":"d"}],
            "scores":[[5,1],[4,null],[null,2],[null,null]], "locked":[["c","M2"]]}"#;
        let (input, problem) = parse(text).expect("valid");
        let output = run(&input, &problem).expect("solved");
        assert_eq!(output.pairs, vec![("a".into(), "M2".into()), ("b".into(), "M1".into()), ("c".into(), "M2".into())]);
        assert_eq!(output.unmatched, vec!["d".to_string()]);
        assert_eq!((output.matched, output.total_score), (3, 7.0));
    }

    #[test]
    fn malformed_input_names_the_problem() {
        let cases = [
            (r#"{"mentors":[],"mentees":[{"id":"a"}],"scores":[]}"#, "scores has 0 rows but there are 1 mentees"),
            (r#"{"mentors":[{"id":"M","capacity":1}],"mentees":[{"id":"a"}],"scores":[[1,2]]}"#, "row 0 of scores has 2 entries, expected 1"),
            (r#"{"mentors":[{"id":"M","capacity":-1}],"mentees":[],"scores":[]}"#, "invalid input JSON"),
            (r#"{"mentors":[{"id":"M","capacity":1},{"id":"M","capacity":1}],"mentees":[],"scores":[]}"#, "mentor id \"M\" appears twice"),
            (r#"{"mentors":[{"id":"M","capacity":1}],"mentees":[{"id":"a"}],"scores":[["x"]]}"#, "invalid input JSON"),
            (r#"{"mentors":[{"id":"M","capacity":1}],"mentees":[{"id":"a"}],"scores":[[1]],"locked":[["z","M"]]}"#, "unknown mentee \"z\""),
            ("not json", "invalid input JSON"),
        ];
        for (text, expected) in cases {
            let error = parse(text).and_then(|(input, problem)| run(&input, &problem).map(|_| ())).expect_err(text);
            assert!(error.0.contains(expected), "{text}: {}", error.0);
        }
    }
}
