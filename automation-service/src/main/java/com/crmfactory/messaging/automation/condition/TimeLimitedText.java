package com.crmfactory.messaging.automation.condition;

/**
 * A text that stops a regular expression which works too long on it (java.util.regex has no timeout): a
 * catastrophic pattern over a customer's message would otherwise hold a consumer thread. The limit is
 * counted in character reads, which is the regex engine's work and does not depend on how busy the machine
 * is (a wall-clock limit alone would fail simple patterns on a starved CPU); a generous wall-clock deadline,
 * checked every 1024 reads, backs it up.
 */
final class TimeLimitedText implements CharSequence {

    /** Thrown (and treated as "does not match") when the budget is spent. */
    static final class TimedOut extends RuntimeException {
        TimedOut() {
            super("regex evaluation over its budget", null, false, false);
        }
    }

    /** Shared by the sub-sequences the engine takes, so they spend one budget. */
    private static final class Budget {
        private final long maxReads;
        private final long deadlineNanos;
        private long reads;

        Budget(long maxReads, long deadlineNanos) {
            this.maxReads = maxReads;
            this.deadlineNanos = deadlineNanos;
        }

        void spend() {
            reads++;
            if (reads > maxReads || ((reads & 1023) == 0 && System.nanoTime() > deadlineNanos)) {
                throw new TimedOut();
            }
        }
    }

    private final CharSequence text;
    private final Budget budget;

    TimeLimitedText(CharSequence text, long maxReads, long deadlineNanos) {
        this(text, new Budget(maxReads, deadlineNanos));
    }

    private TimeLimitedText(CharSequence text, Budget budget) {
        this.text = text;
        this.budget = budget;
    }

    @Override
    public char charAt(int index) {
        budget.spend();
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new TimeLimitedText(text.subSequence(start, end), budget);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
