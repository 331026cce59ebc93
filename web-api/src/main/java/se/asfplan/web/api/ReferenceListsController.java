package se.asfplan.web.api;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.web.api.http.Paging;
import se.asfplan.domain.enterprise.IntegrationspaktenLevels;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;

/**
 * The closed lists a request names a value of, so that nobody has to guess a code: Integrationspakten's levels (as
 * configured) and the goal measures (the domain's catalogue). Every role may read them.
 */
@RestController
@Tag(name = "Reference lists", description = "The codes requests name: Integrationspakten's levels and the goal "
        + "measures")
public class ReferenceListsController {

    private static final Map<Measure, String[]> DESCRIPTIONS = descriptions();

    private final IntegrationspaktenLevels levels;

    public ReferenceListsController(IntegrationspaktenLevels levels) {
        this.levels = levels;
    }

    @GetMapping("/api/integrationspakten/levels")
    @Operation(summary = "Integrationspakten's membership levels in order: the code a membership or level change "
            + "names, and the level's Swedish name as configured")
    public ResponseEntity<List<Level>> levels(
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.SIZE_DOC)
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return Paging.page(levels.names().entrySet().stream()
                .map(entry -> new Level(entry.getKey().value(), entry.getValue())).toList(), page, size);
    }

    @GetMapping("/api/goal-measures")
    @Operation(summary = "Every goal measure a yearly goal may name: its shape (COUNT, COVERAGE or MILESTONE), the goal "
            + "kinds it fits, the names it had before a rename, and what it counts (in English and Swedish)")
    public ResponseEntity<List<GoalMeasure>> goalMeasures(
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.SIZE_DOC)
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return Paging.page(Arrays.stream(Measure.values()).map(measure -> new GoalMeasure(measure.name(), measure.shape(),
                Arrays.stream(GoalKind.values()).filter(measure::fits).toList(), measure.formerNames(),
                List.copyOf(measure.membershipLevels()).stream().sorted().toList(),
                DESCRIPTIONS.get(measure)[0], DESCRIPTIONS.get(measure)[1])).toList(), page, size);
    }

    /** A level of Integrationspakten: its {@code code} and its Swedish {@code name}. */
    public record Level(String code, String name) {
    }

    /**
     * A goal measure: {@code measure} is what a goal names, {@code goalKinds} the goal kinds it fits,
     * {@code membershipLevels} the level codes a count of members counts (empty: every level or not a member count).
     */
    public record GoalMeasure(String measure, Measure.Shape shape, List<GoalKind> goalKinds, List<String> formerNames,
                              List<String> membershipLevels, String description, String descriptionSv) {
    }

    /** What each measure counts, in English and in Swedish; every measure has both (checked at start). */
    private static Map<Measure, String[]> descriptions() {
        Map<Measure, String[]> texts = new EnumMap<>(Measure.class);
        texts.put(Measure.INTEGRATIONSPAKTEN_INVITATIONS, new String[] {
            "ASF invited to Integrationspakten in the year",
            "Antal ASF som bjudits in till Integrationspakten under året"});
        texts.put(Measure.INTEGRATIONSPAKTEN_INVITATION_COVERAGE, new String[] {
            "Of the ASF known on 31 December, the share invited to Integrationspakten by then",
            "Andel av de ASF som är kända den 31 december som bjudits in till Integrationspakten senast då"});
        texts.put(Measure.REFERENCE_GROUP_INVITATIONS, new String[] {
            "ASF invited to Integrationspakten's reference group in the year",
            "Antal ASF som bjudits in till Integrationspaktens referensgrupp under året"});
        texts.put(Measure.BUSINESS_DIALOGUE_INVITATIONS, new String[] {
            "ASF invited to a business dialogue in the year",
            "Antal ASF som bjudits in till en näringslivsdialog under året"});
        texts.put(Measure.BUSINESS_ADVICE_TO_ASF, new String[] {
            "Business advice given to an ASF in the year",
            "Antal tillfällen med företagsrådgivning till ASF under året"});
        texts.put(Measure.EVENT_PARTICIPATIONS, new String[] {
            "ASF participations in events, seminars and tender schools in the year",
            "Antal deltaganden av ASF i evenemang, seminarier och anbudsskolor under året"});
        texts.put(Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED, new String[] {
            "Reserved procurements begun in the year, whatever became of them (also cancelled ones)",
            "Antal reserverade upphandlingar som påbörjats under året, oavsett utfall (även avbrutna)"});
        texts.put(Measure.RESERVED_PROCUREMENTS_ANNOUNCED, new String[] {
            "Reserved procurements announced in the year",
            "Antal reserverade upphandlingar som annonserats under året"});
        texts.put(Measure.RESERVED_CONTRACTS_AWARDED, new String[] {
            "Reserved contracts awarded in the year, not counting cancelled procurements",
            "Antal reserverade kontrakt som tilldelats under året, utom i avbrutna upphandlingar"});
        texts.put(Measure.PROCUREMENTS_DIVIDED_INTO_LOTS, new String[] {
            "Procurements divided into lots in the year",
            "Antal upphandlingar som delats upp i delkontrakt under året"});
        texts.put(Measure.CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE, new String[] {
            "Contracts awarded to an ASF in the year, in any procedure",
            "Antal kontrakt som tilldelats en ASF under året, i alla upphandlingsförfaranden"});
        texts.put(Measure.ACTIVITY_COMPLETED, new String[] {
            "The activity the goal follows was completed in the year",
            "Aktiviteten som målet följer har slutförts under året"});
        texts.put(Measure.PLUS_AND_JOBBPARTNER_ASF, new String[] {
            "ASF known on 31 December that are Plusmedlem or Jobbpartner of Integrationspakten then",
            "Antal ASF som den 31 december är Plusmedlem eller Jobbpartner i Integrationspakten"});
        texts.put(Measure.INTEGRATIONSPAKTEN_ASF_MEMBERS, new String[] {
            "ASF known on 31 December that are members of Integrationspakten then, at any level",
            "Antal ASF som den 31 december är medlemmar i Integrationspakten, oavsett nivå"});
        texts.put(Measure.INTEGRATIONSPAKTEN_ASF_AT_LEVEL_MEMBER, new String[] {
            "ASF known on 31 December that are members of Integrationspakten at the level Medlem then",
            "Antal ASF som den 31 december är medlemmar i Integrationspakten på nivån Medlem"});
        texts.put(Measure.INTEGRATIONSPAKTEN_ASF_AT_LEVEL_PLUSMEDLEM, new String[] {
            "ASF known on 31 December that are members of Integrationspakten at the level Plusmedlem then",
            "Antal ASF som den 31 december är medlemmar i Integrationspakten på nivån Plusmedlem"});
        texts.put(Measure.INTEGRATIONSPAKTEN_ASF_AT_LEVEL_JOBBPARTNER, new String[] {
            "ASF known on 31 December that are members of Integrationspakten at the level Jobbpartner then",
            "Antal ASF som den 31 december är medlemmar i Integrationspakten på nivån Jobbpartner"});
        for (Measure measure : Measure.values()) {
            if (!texts.containsKey(measure)) {
                throw new IllegalStateException("goal measure " + measure + " has no description");
            }
        }
        return texts;
    }
}
