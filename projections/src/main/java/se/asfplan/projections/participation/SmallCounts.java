package se.asfplan.projections.participation;

/**
 * How a report shows a count of participants: a count from 1 to 4 reads "&lt;5", so that a report never singles
 * out a small group (a sole trader's enterprise is one person). Zero and counts of five or more read as they are.
 */
public final class SmallCounts {

    /** What a count of one to four participants reads as. */
    public static final String FEWER_THAN_FIVE = "<5";

    private SmallCounts() {
    }

    public static String cell(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, but was " + count);
        }
        return isSmall(count) ? FEWER_THAN_FIVE : String.valueOf(count);
    }

    public static boolean isSmall(int count) {
        return count > 0 && count < 5;
    }
}
