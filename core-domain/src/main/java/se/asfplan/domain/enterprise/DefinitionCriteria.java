package se.asfplan.domain.enterprise;

/**
 * The four criteria of the government's definition of a work-integrating social enterprise (regeringens
 * handlingsplan för arbetsintegrerande sociala företag, 2010, as Tillväxtverket applies it), each recorded as met
 * or not. Besides running a business that sells goods or services, an ASF
 * <ul>
 *   <li>has as its overall aim to integrate people who have great difficulty getting or keeping a job
 *       ({@code integrationPurpose});</li>
 *   <li>gives its employees participation through ownership, agreement or other documented means
 *       ({@code employeeParticipation});</li>
 *   <li>mainly reinvests its profits in its own or similar activities ({@code profitsReinvested});</li>
 *   <li>is organisationally independent of the public sector ({@code independentOfPublicSector}).</li>
 * </ul>
 * An enterprise counts as an ASF only when all four are met.
 */
public record DefinitionCriteria(boolean integrationPurpose, boolean employeeParticipation,
                                 boolean profitsReinvested, boolean independentOfPublicSector) {

    /** All four criteria met. */
    public static DefinitionCriteria allMet() {
        return new DefinitionCriteria(true, true, true, true);
    }

    /** Whether the enterprise counts as an ASF: only when every criterion is met. */
    public boolean countsAsAsf() {
        return integrationPurpose && employeeParticipation && profitsReinvested && independentOfPublicSector;
    }
}
