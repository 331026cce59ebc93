package se.asfplan.web.page.procurement;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import se.asfplan.domain.procurement.BidsMayCover;
import se.asfplan.domain.procurement.Procedure;
import se.asfplan.domain.procurement.ProcurementStatus;
import se.asfplan.domain.procurement.Supplier;
import se.asfplan.web.page.form.FormOption;

/** The Swedish words for the procurement domain's values, as the pages and forms show them. */
public final class ProcurementTexts {

    private ProcurementTexts() {
    }

    public static String procedure(Procedure procedure) {
        return procedure == null ? "" : switch (procedure) {
            case ORDINARY -> "Upphandling öppen för alla leverantörer";
            case RESERVED_FOR_EMPLOYMENT -> "Reserverad upphandling för arbetsintegrering (LOU 4 kap. 18 §)";
            case RESERVED_WELFARE_SERVICES -> "Reserverad upphandling av vissa välfärdstjänster (LOU 19 kap.)";
            case DIRECT_AWARD -> "Direktupphandling (LOU 19 a kap.)";
        };
    }

    public static List<FormOption> procedures() {
        return java.util.Arrays.stream(Procedure.values())
                .map(procedure -> new FormOption(procedure.name(), procedure(procedure))).toList();
    }

    public static String status(ProcurementStatus status) {
        return status == null ? "" : switch (status) {
            case PLANNED -> "Planerad";
            case ANNOUNCED -> "Annonserad";
            case AWARDED -> "Tilldelad";
            case COMPLETED -> "Avslutad";
            case CANCELLED -> "Avbruten";
        };
    }

    /** The status class of {@code app.css}: the word is always shown too, never the colour alone. */
    public static String statusClass(ProcurementStatus status) {
        return status == null ? "status--neutral" : switch (status) {
            case PLANNED, ANNOUNCED -> "status--neutral";
            case AWARDED, COMPLETED -> "status--ok";
            case CANCELLED -> "status--bad";
        };
    }

    public static List<FormOption> statuses() {
        return java.util.Arrays.stream(ProcurementStatus.values())
                .map(status -> new FormOption(status.name(), status(status))).toList();
    }

    public static String bidsMayCover(BidsMayCover cover) {
        return cover == null ? "" : switch (cover) {
            case ONE -> "Anbud får lämnas på ett delkontrakt";
            case SEVERAL -> "Anbud får lämnas på flera delkontrakt";
            case ALL -> "Anbud får lämnas på alla delkontrakt";
        };
    }

    public static List<FormOption> bidsMayCoverChoices() {
        return java.util.Arrays.stream(BidsMayCover.values())
                .map(cover -> new FormOption(cover.name(), bidsMayCover(cover))).toList();
    }

    /** A lifecycle step by its event's type. */
    public static String step(String eventType) {
        return switch (eventType == null ? "" : eventType) {
            case "ProcurementPlannedEvent" -> "Planerad";
            case "ProcurementAnnouncedEvent" -> "Annonserad";
            case "ProcurementDividedIntoLotsEvent" -> "Uppdelad i delkontrakt";
            case "ProcurementNotDividedEvent" -> "Beslut att inte dela upp i delkontrakt";
            case "TenderReceivedEvent" -> "Anbud mottaget";
            case "ContractAwardedEvent" -> "Kontrakt tilldelat";
            case "ProcurementCompletedEvent" -> "Avslutad";
            case "ProcurementEvaluatedEvent" -> "Utvärderad";
            case "ProcurementCancelledEvent" -> "Avbruten";
            case "ProcurementFactRetractedEvent" -> "Uppgift återkallad";
            default -> eventType;
        };
    }

    /** Whether a step of that type can be retracted (tenders, evaluations; lots and completion while latest). */
    public static boolean retractable(String eventType) {
        return List.of("TenderReceivedEvent", "ProcurementEvaluatedEvent", "ProcurementDividedIntoLotsEvent",
                "ProcurementNotDividedEvent", "ProcurementCompletedEvent").contains(eventType);
    }

    public static String supplierNumber(Supplier supplier) {
        return supplier == null ? "" : supplier.soleTrader() ? "Enskild firma (inget nummer registreras)"
                : supplier.organisationNumber().value();
    }

    /** Swedish kronor: {@code 1 250 000,00 kr}. */
    public static String sek(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("sv-SE"));
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        return format.format(amount) + "\u00a0kr";
    }

    /** A percentage with a decimal comma: {@code 42,5 %}. */
    public static String percent(BigDecimal share) {
        return share == null ? "" : share.stripTrailingZeros().toPlainString().replace('.', ',') + "\u00a0%";
    }
}
