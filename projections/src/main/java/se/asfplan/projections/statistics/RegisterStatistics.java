package se.asfplan.projections.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.asfplan.domain.enterprise.EnterpriseStanding;
import se.asfplan.domain.enterprise.IntegrationspaktenLevel;
import se.asfplan.projections.statistics.StatisticsQueries.RegisterStatisticsRow;
import se.asfplan.projections.support.Retraction;

/**
 * Folds enterprise facts into the register statistics on a business date, as recorded at a moment.
 *
 * <p>Only facts recorded at or before {@code asOf} and with a business date on or before {@code to} are seen. Of
 * those, each enterprise's facts are taken in business order (business date, then the order they were stored), so a
 * later details change supersedes the ASF status and district of earlier ones, also when a back-dated change is
 * recorded late. An enterprise is a <em>known ASF</em> on {@code to} when its latest details count it as ASF and it
 * was not closed on or before {@code to} (an enterprise closed on {@code to} is no longer counted, as the enterprise
 * register treats a closing date), as {@link EnterpriseStanding} defines it. It counts as <em>invited</em> when it is a known ASF with an invitation to
 * Integrationspakten dated within {@code [from, to]}, or at any date up to {@code to} when {@code from} is not given.
 * It counts as a <em>member</em> at a level when it is a known ASF and that is its Integrationspakten level on
 * {@code to} ({@link EnterpriseStanding}: its latest membership fact, joined or level changed, not left). Each count lists the fact that decided it: the details fact, the latest
 * counted invitation, the membership fact.
 */
final class RegisterStatistics {

    private RegisterStatistics() {
    }

    /**
     * The statistics without the facts retracted by {@code asOf}: a fact whose retraction was recorded at or before
     * it counts nowhere (a retracted membership step leaves the membership before it), one retracted later still
     * counts.
     */
    static List<RegisterStatisticsRow> fold(List<EnterpriseFact> facts, List<Retraction> retractions, Instant asOf,
                                            LocalDate from, LocalDate to) {
        Set<String> retracted = Retraction.retractedAsOf(retractions, asOf);
        return fold(facts.stream().filter(fact -> fact.kind() != EnterpriseFact.Kind.RETRACTED
                && !retracted.contains(fact.eventId())).toList(), asOf, from, to);
    }

    static List<RegisterStatisticsRow> fold(List<EnterpriseFact> facts, Instant asOf, LocalDate from, LocalDate to) {
        Map<String, List<EnterpriseFact>> byEnterprise = facts.stream()
                .filter(fact -> fact.recordedBy(asOf) && !fact.occurredOn().isAfter(to))
                .sorted(EnterpriseFact.IN_BUSINESS_ORDER)
                .collect(Collectors.groupingBy(EnterpriseFact::enterpriseId, TreeMap::new, Collectors.toList()));
        List<KnownAsf> known = byEnterprise.values().stream()
                .map(history -> knownAsf(history, from, to))
                .flatMap(Optional::stream)
                .toList();
        List<RegisterStatisticsRow> rows = new ArrayList<>();
        // enterprises registered without a district come after every named district
        Map<String, List<KnownAsf>> byDistrict = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        known.forEach(asf -> byDistrict.computeIfAbsent(asf.district(), district -> new ArrayList<>()).add(asf));
        byDistrict.forEach((district, inDistrict) -> rows.addAll(rows(false, district, inDistrict)));
        rows.addAll(rows(true, null, known));
        return rows;
    }

    private record KnownAsf(String district, long detailsEvent, Long invitationEvent, String level,
                            Long membershipEvent) {
    }

    /**
     * The enterprise's place in the statistics on {@code to}, when it is a known ASF then: known ASF and membership
     * as {@link EnterpriseStanding} defines them, the invitation as counted here. {@code history} holds its facts
     * up to {@code to}, in business order.
     */
    private static Optional<KnownAsf> knownAsf(List<EnterpriseFact> history, LocalDate from, LocalDate to) {
        EnterpriseStanding<EnterpriseFact> standing = new EnterpriseStanding<>();
        EnterpriseFact invitation = null;
        for (EnterpriseFact fact : history) {
            switch (fact.kind()) {
                case REGISTERED, DETAILS_CHANGED ->
                        standing.details(fact.occurredOn(), Boolean.TRUE.equals(fact.countsAsAsf()), fact);
                case CLOSED -> standing.closed(fact.occurredOn(), fact);
                case INVITED_TO_IP -> {
                    if (from == null || !fact.occurredOn().isBefore(from)) {
                        invitation = fact;
                    }
                }
                case JOINED_IP, LEVEL_CHANGED ->
                        standing.member(fact.occurredOn(), new IntegrationspaktenLevel(fact.level()), fact);
                case LEFT_IP -> standing.left(fact.occurredOn(), fact);
            }
        }
        Optional<EnterpriseFact> details = standing.knownAsfBy(to);
        if (details.isEmpty()) {
            return Optional.empty();
        }
        Long invitationEvent = invitation == null ? null : invitation.globalIndex();
        String level = standing.integrationspaktenLevelOn(to).map(IntegrationspaktenLevel::value).orElse(null);
        Long membershipEvent = standing.integrationspaktenMembershipOn(to).map(EnterpriseFact::globalIndex)
                .orElse(null);
        return Optional.of(new KnownAsf(details.get().district(), details.get().globalIndex(), invitationEvent, level,
                membershipEvent));
    }

    private static List<RegisterStatisticsRow> rows(boolean total, String district, List<KnownAsf> known) {
        List<KnownAsf> invited = known.stream().filter(asf -> asf.invitationEvent() != null).toList();
        List<KnownAsf> members = known.stream().filter(asf -> asf.level() != null).toList();
        List<RegisterStatisticsRow> rows = new ArrayList<>();
        rows.add(new RegisterStatisticsRow(total, district, null, known.size(), invited.size(), members.size(),
                events(known, KnownAsf::detailsEvent), events(invited, KnownAsf::invitationEvent),
                events(members, KnownAsf::membershipEvent)));
        members.stream().collect(Collectors.groupingBy(KnownAsf::level, TreeMap::new, Collectors.toList()))
                .forEach((level, atLevel) -> rows.add(new RegisterStatisticsRow(total, district, level, null, null,
                        atLevel.size(), List.of(), List.of(), events(atLevel, KnownAsf::membershipEvent))));
        return rows;
    }

    private static List<Long> events(List<KnownAsf> known, Function<KnownAsf, Long> event) {
        return known.stream().map(event).sorted().toList();
    }
}
