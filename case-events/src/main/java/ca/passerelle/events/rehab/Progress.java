package ca.passerelle.events.rehab;

/** Progress against the pre-operative baseline, judged with the clinically meaningful thresholds (NRS 2 points or 30 %, ODI 10 points). */
public enum Progress {
    IMPROVING,
    PLATEAU,
    WORSENING
}
