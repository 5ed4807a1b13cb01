package ca.passerelle.intake.cases;

/** Sex as recorded by the clinic; {@code X} is the Québec non-binary marker. */
public enum Sex {
    F,
    M,
    X
}
