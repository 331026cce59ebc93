package se.asfplan.projections.enterprise;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import se.asfplan.domain.enterprise.EnterpriseDetails;
import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.enterprise.IntegrationspaktenLevel;
import se.asfplan.domain.enterprise.LegalForm;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.domain.shared.PersonalNames;

/** The questions the enterprise register answers, and the views it answers them with. */
public final class EnterpriseQueries {

    private EnterpriseQueries() {
    }

    /**
     * All enterprises by name, optionally only those that do (or do not) count as ASF, or in one district, or that
     * {@code text} finds: its name contains the text (ignoring case), or its organisation number contains the text's
     * digits (written with or without the hyphen).
     */
    public record FindEnterprisesQuery(Boolean countsAsAsf, String district, String text) {

        public FindEnterprisesQuery(Boolean countsAsAsf, String district) {
            this(countsAsAsf, district, null);
        }
    }

    /**
     * One page of the list {@link FindEnterprisesQuery} answers, cut in the database: the {@code limit} enterprises
     * after the first {@code offset} in the list's order, and how many the whole list holds. With
     * {@code withOrganisationNumberOnly} the list leaves out the enterprises registered without one (sole traders,
     * whose name is usually their owner's), for a reader who may not see them.
     */
    public record FindEnterprisePageQuery(Boolean countsAsAsf, String district, String text,
                                          boolean withOrganisationNumberOnly, long offset, int limit) {
    }

    /** A page of {@link FindEnterprisePageQuery}: the page's enterprises and how many the whole list holds. */
    public record EnterprisePage(List<EnterpriseSummary> items, long total) {
    }

    /** One enterprise with its recorded facts; empty when no such enterprise is registered. */
    public record FindEnterpriseQuery(EnterpriseId enterpriseId) {
    }

    /** Every recorded enterprise fact that names the given plan activity as the one it carries out. */
    public record FindEnterpriseFactsCarryingOutQuery(PlanId planId, ActivityId activityId) {
    }

    public record EnterpriseSummary(EnterpriseId enterpriseId, String name, String organisationNumber,
                                    LegalForm legalForm, String municipality,
                                    String district, boolean countsAsAsf, boolean closed,
                                    IntegrationspaktenLevel integrationspaktenLevel, boolean inReferenceGroup) {

        /** Whether the name was erased (gallring): {@code name} is then {@link PersonalNames#ERASED}. */
        @JsonProperty("nameErased")
        public boolean nameErased() {
            return PersonalNames.isErased(name);
        }
    }

    public record EnterpriseView(EnterpriseId enterpriseId, OrganisationNumber organisationNumber,
                                 EnterpriseDetails details, boolean countsAsAsf, LocalDate registeredOn,
                                 LocalDate detailsChangedOn, boolean closed, LocalDate closedOn, String closingReason,
                                 IntegrationspaktenView integrationspakten, ReferenceGroupView referenceGroup,
                                 List<FactView> facts, long version) {

        /** Whether the name was erased (gallring): the details' name is then {@link PersonalNames#ERASED}. */
        @JsonProperty("nameErased")
        public boolean nameErased() {
            return details != null && PersonalNames.isErased(details.name());
        }
    }

    /** Membership of Integrationspakten: {@code level} is null when not a member. */
    public record IntegrationspaktenView(boolean member, IntegrationspaktenLevel level, LocalDate joinedOn,
                                         LocalDate lastInvitedOn, LocalDate leftOn) {
    }

    public record ReferenceGroupView(boolean member, LocalDate invitedOn, LocalDate joinedOn) {
    }

    /**
     * One recorded fact: {@code fact} is the event's name without "Event" (e.g. {@code InvitedToIntegrationspakten}),
     * {@code summary} says it in words, {@code carriesOut} names the plan activity it carries out, if any;
     * {@code eventId} is the identifier a retraction names, and {@code retractedOn} and {@code retractionReason} are
     * set once the fact is retracted (a retraction is listed as a fact of its own too).
     */
    public record FactView(String fact, LocalDate occurredOn, String summary, PlanActivityReference carriesOut,
                           String eventId, LocalDate retractedOn, String retractionReason) {
    }

    /** A fact that carried out a plan activity, with the enterprise it concerns. */
    public record EnterpriseFactView(EnterpriseId enterpriseId, String enterpriseName, String fact,
                                     LocalDate occurredOn, String summary, String eventId, LocalDate retractedOn) {
    }
}
