package se.asfplan.web.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import se.asfplan.domain.enterprise.LegalForm;
import se.asfplan.projections.participation.SmallCounts;

/**
 * What each role may read, defined once and applied by every endpoint and page that answers more than one role.
 * <ul>
 *   <li>{@link #RECORDS} (coordinators and auditors): every record with its names: one enterprise with its facts,
 *       meetings with their participants, procurements, the history of every record, exact counts.</li>
 *   <li>{@link #AGGREGATES} (committees, and anyone without a staff role): plans, reports and figures, the parties
 *       (public bodies) and the register's list of enterprises that are legal persons (names and organisation
 *       numbers are public). Never an enterprise's facts, a meeting's participants, a procurement's details, nor a
 *       sole trader (enskild firma): its name is usually its owner's, which is personal data. Every count of
 *       enterprises, participants or facts about them from one to four reads "&lt;5" ({@link SmallCounts}), so
 *       that no small group can be singled out.</li>
 * </ul>
 * The paths every role may read ({@link #EVERY_ROLE_READS}) are the HTTP side of the same rule: the security
 * configuration refuses every other read to a committee, and the endpoints within these paths shape their answers
 * with the policy of the caller ({@link #current()}).
 */
public enum ReadPolicy {

    /** Coordinators and auditors: every record, with its names and exact counts. */
    RECORDS,
    /** Committees: plans, reports and figures; names of legal persons in the register list only; small counts hidden. */
    AGGREGATES;

    /**
     * The API reads every role may make: plans (with an activity's facts in the shape {@link #AGGREGATES} gives) and
     * reports, the register of parties (public bodies), the list of enterprises (legal persons only for committees),
     * and the reference lists (Integrationspakten's levels, goal measures).
     */
    public static final List<String> EVERY_ROLE_READS = List.of("/api/plans", "/api/plans/**", "/api/reports",
            "/api/reports/**", "/api/parties", "/api/parties/**", "/api/enterprises",
            "/api/integrationspakten/levels", "/api/goal-measures");

    /** The roles that read {@link #RECORDS}. */
    static final Set<Role> RECORD_READERS = Set.of(Role.COORDINATOR, Role.AUDITOR);

    /** The policy of the signed-in caller of the current request; {@link #AGGREGATES} for anyone else. */
    public static ReadPolicy current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The policy for the given authentication: records for a coordinator or an auditor, aggregates otherwise. */
    public static ReadPolicy of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return AGGREGATES;
        }
        return ofAuthorities(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet()));
    }

    /** The policy for a set of granted authorities ({@code ROLE_COORDINATOR}, ...). */
    public static ReadPolicy ofAuthorities(Collection<String> authorities) {
        return RECORD_READERS.stream().anyMatch(role -> authorities.contains("ROLE_" + role.name()))
                ? RECORDS : AGGREGATES;
    }

    /** Whether the caller reads records: names of enterprises and participants, per-enterprise facts, details. */
    public boolean readsRecords() {
        return this == RECORDS;
    }

    /** The records themselves for {@link #RECORDS}; none for {@link #AGGREGATES}, which reads counts instead. */
    public <T> List<T> records(List<T> records) {
        return readsRecords() ? records : List.of();
    }

    /**
     * A count of enterprises, participants or facts about them as the caller may read it: exact for
     * {@link #RECORDS}, "&lt;5" for one to four for {@link #AGGREGATES}.
     */
    public String count(long count) {
        if (readsRecords()) {
            return String.valueOf(count);
        }
        return SmallCounts.cell(Math.toIntExact(count));
    }

    /**
     * Whether an enterprise of this legal form is listed to the caller by name: always for {@link #RECORDS}; for
     * {@link #AGGREGATES} only a legal person, not a sole trader, whose name is personal data.
     */
    public boolean listsByName(LegalForm legalForm) {
        return readsRecords() || legalForm != null && legalForm.hasOrganisationNumber();
    }
}
