package org.needlepoint.followup;

/** CTCAE-style grade of an adverse event (domain.md): 1 mild to 5 death. */
public enum Severity {
    GRADE_1(1, "Mild", "no intervention needed"),
    GRADE_2(2, "Moderate", "minimal, local or non-invasive intervention"),
    GRADE_3(3, "Severe", "medically significant; not immediately life-threatening"),
    GRADE_4(4, "Life-threatening", "urgent intervention needed"),
    GRADE_5(5, "Death", "death related to the event");

    private final int grade;
    private final String name;
    private final String meaning;

    Severity(int grade, String name, String meaning) {
        this.grade = grade;
        this.name = name;
        this.meaning = meaning;
    }

    public int grade() {
        return grade;
    }

    /** "Grade 2 - Moderate". */
    public String label() {
        return "Grade " + grade + " \u2013 " + name;
    }

    /** What the grade means, for a tooltip or the form's help text. */
    public String meaning() {
        return meaning;
    }

    public static Severity ofGrade(int grade) {
        for (Severity s : values()) {
            if (s.grade == grade) {
                return s;
            }
        }
        throw new IllegalArgumentException("no severity grade " + grade);
    }

    @Override
    public String toString() {
        return label();
    }
}
