package se.asfplan.domain.procurement;

import se.asfplan.domain.shared.InputRules;

import se.asfplan.domain.shared.OrganisationNumber;

/**
 * A supplier that bids or is awarded a contract: a legal person by its organisation number, or a sole trader
 * (enskild firma) marked as such and recorded without any number, because a sole trader's organisation number is
 * the owner's personnummer and is never stored.
 */
public record Supplier(OrganisationNumber organisationNumber, boolean soleTrader) {

    public Supplier {
        if (soleTrader && organisationNumber != null && InputRules.apply()) {
            throw new IllegalArgumentException("a sole trader is recorded without organisation number (it is the "
                    + "owner's personnummer)");
        }
        if (!soleTrader && organisationNumber == null && InputRules.apply()) {
            throw new IllegalArgumentException("supplier needs an organisation number, or soleTrader true");
        }
    }

    public static Supplier of(String organisationNumber) {
        return new Supplier(new OrganisationNumber(organisationNumber), false);
    }

    public static Supplier aSoleTrader() {
        return new Supplier(null, true);
    }

    @Override
    public String toString() {
        return soleTrader ? "a sole trader" : organisationNumber.value();
    }
}
