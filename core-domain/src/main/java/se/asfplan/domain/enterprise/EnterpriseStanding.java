package se.asfplan.domain.enterprise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one enterprise stands on a business date: whether it counts as a <em>known ASF</em>, and the
 * Integrationspakten level in force. This is the one definition of both; the aggregate, the register statistics and
 * the yearly goal report all ask it.
 *
 * <ul>
 *   <li>An enterprise is a <em>known ASF</em> on a day when its latest details on or before that day count it as
 *       ASF (all four criteria met) and it was not closed on or before that day: an enterprise closed on a day is no
 *       longer counted on it.</li>
 *   <li>Its <em>Integrationspakten level</em> on a day is the level of its latest membership step on or before that
 *       day (joined or level changed), and none when that step is leaving or there is no step.</li>
 * </ul>
 *
 * <p>"Latest" is in business order: by business date, and of facts on the same date, the one noted later. Note the
 * facts in the order they were stored; a fact dated before ones already noted is placed before them, so a
 * back-dated change recorded late does not override a later one. A fact recorded in error is taken out with
 * {@link #retracted}: the standing is then as if it had never been recorded (a retracted membership step leaves the
 * membership before it). The facts ask nothing of each other: whether a membership step was allowed is the
 * aggregate's business, not this definition's.
 *
 * @param <F> how the caller names a fact (an event identifier, a fact row), handed back to say which fact decided
 *            an answer
 */
public final class EnterpriseStanding<F> {

    private enum Kind { DETAILS, CLOSED, MEMBERSHIP, LEFT }

    /** One noted fact; {@code countsAsAsf} only for details, {@code level} only for membership steps. */
    private record Noted<F>(Kind kind, LocalDate on, boolean countsAsAsf, IntegrationspaktenLevel level, F fact) {
    }

    /** The facts not retracted, in business order. */
    private final List<Noted<F>> facts = new ArrayList<>();

    /** Registered, or its details changed: from {@code on}, it counts as ASF or not by these details. */
    public void details(LocalDate on, boolean countsAsAsf, F fact) {
        note(new Noted<>(Kind.DETAILS, on, countsAsAsf, null, fact));
    }

    /** Closed on {@code on}: from that day on it is no known ASF, whatever its details say. */
    public void closed(LocalDate on, F fact) {
        note(new Noted<>(Kind.CLOSED, on, false, null, fact));
    }

    /** Joined Integrationspakten or changed level: a member at {@code level} from {@code on}. */
    public void member(LocalDate on, IntegrationspaktenLevel level, F fact) {
        note(new Noted<>(Kind.MEMBERSHIP, on, false, Objects.requireNonNull(level, "level"), fact));
    }

    /** Left Integrationspakten on {@code on}: no member from that day. */
    public void left(LocalDate on, F fact) {
        note(new Noted<>(Kind.LEFT, on, false, null, fact));
    }

    /**
     * Takes out a fact recorded in error, as if it had never been noted. A fact this standing never noted (an
     * invitation, advice) changes nothing.
     */
    public void retracted(F fact) {
        facts.removeIf(noted -> noted.fact().equals(fact));
    }

    private void note(Noted<F> noted) {
        Objects.requireNonNull(noted.on(), "on");
        Objects.requireNonNull(noted.fact(), "fact");
        int at = facts.size();
        while (at > 0 && facts.get(at - 1).on().isAfter(noted.on())) {
            at--;
        }
        facts.add(at, noted);
    }

    // ---------------------------------------------------------------------------------------------- known ASF

    /** Whether the enterprise counts as a known ASF on {@code day}. */
    public boolean isKnownAsfOn(LocalDate day) {
        return knownAsfBy(day).isPresent();
    }

    /** The details fact that makes the enterprise a known ASF on {@code day}, or empty when it is none then. */
    public Optional<F> knownAsfBy(LocalDate day) {
        Noted<F> details = null;
        for (Noted<F> noted : facts) {
            if (noted.on().isAfter(day)) {
                break;
            }
            if (noted.kind() == Kind.CLOSED) {
                return Optional.empty();
            }
            if (noted.kind() == Kind.DETAILS) {
                details = noted;
            }
        }
        return details != null && details.countsAsAsf() ? Optional.of(details.fact()) : Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------- Integrationspakten

    /** The Integrationspakten level in force on {@code day}, or empty when the enterprise is no member then. */
    public Optional<IntegrationspaktenLevel> integrationspaktenLevelOn(LocalDate day) {
        return membershipOn(day).map(Noted::level);
    }

    /** The membership step that gives the level in force on {@code day}, or empty when it is no member then. */
    public Optional<F> integrationspaktenMembershipOn(LocalDate day) {
        return membershipOn(day).map(Noted::fact);
    }

    private Optional<Noted<F>> membershipOn(LocalDate day) {
        Noted<F> latest = null;
        for (Noted<F> noted : facts) {
            if (noted.on().isAfter(day)) {
                break;
            }
            if (noted.kind() == Kind.MEMBERSHIP || noted.kind() == Kind.LEFT) {
                latest = noted;
            }
        }
        return latest == null || latest.kind() == Kind.LEFT ? Optional.empty() : Optional.of(latest);
    }

    /** The level its latest membership step leaves, whatever its date; null when that step is leaving, or none. */
    public IntegrationspaktenLevel integrationspaktenLevel() {
        Noted<F> latest = latestStep();
        return latest == null ? null : latest.level();
    }

    /**
     * The day the current membership began: the first membership step after the latest leaving; null when the
     * enterprise is no member after its latest step.
     */
    public LocalDate integrationspaktenMemberSince() {
        LocalDate since = null;
        for (Noted<F> noted : facts) {
            if (noted.kind() == Kind.LEFT) {
                since = null;
            } else if (noted.kind() == Kind.MEMBERSHIP && since == null) {
                since = noted.on();
            }
        }
        return since;
    }

    /** The date of the latest membership step (joined, level changed or left), or null when there is none. */
    public LocalDate latestIntegrationspaktenStepOn() {
        Noted<F> latest = latestStep();
        return latest == null ? null : latest.on();
    }

    /** The latest membership step (joined, level changed or left), or null when there is none. */
    public F latestIntegrationspaktenStep() {
        Noted<F> latest = latestStep();
        return latest == null ? null : latest.fact();
    }

    /** Whether {@code fact} is one of the membership steps noted and not retracted. */
    public boolean isIntegrationspaktenStep(F fact) {
        return facts.stream().anyMatch(noted -> (noted.kind() == Kind.MEMBERSHIP || noted.kind() == Kind.LEFT)
                && noted.fact().equals(fact));
    }

    private Noted<F> latestStep() {
        for (int at = facts.size() - 1; at >= 0; at--) {
            Noted<F> noted = facts.get(at);
            if (noted.kind() == Kind.MEMBERSHIP || noted.kind() == Kind.LEFT) {
                return noted;
            }
        }
        return null;
    }

    /** Value equality, so that an aggregate rebuilt from its events equals the one that recorded them. */
    @Override
    public boolean equals(Object other) {
        return other instanceof EnterpriseStanding<?> that && facts.equals(that.facts);
    }

    @Override
    public int hashCode() {
        return facts.hashCode();
    }

    @Override
    public String toString() {
        return "EnterpriseStanding" + facts;
    }
}
