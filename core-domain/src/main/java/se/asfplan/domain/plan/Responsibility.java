package se.asfplan.domain.plan;

import se.asfplan.domain.shared.InputRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.asfplan.domain.party.PartyNames;
import se.asfplan.domain.shared.Values;

/**
 * Who carries an activity: the lead responsible parties and the other involved parties, by name (e.g. "Stockholm
 * Business Region (SBR)"). Parties are organisations, never persons.
 * <p>
 * An activity may be led jointly ("Arbetsmarknadsnämnden och socialnämnden"): {@code lead} is the first lead party and
 * {@code coLeads} the others, so that {@link #leads()} lists them all. It may also be led by every committee of the
 * plan's municipality ("samtliga nämnder"): that is the marker {@code allCommittees}, never a party name; a lead
 * written as "samtliga nämnder" (in any case or spacing) becomes the marker, so that the stored events of before the
 * marker read the same way. Then {@code lead} may be {@code null} when no party is named besides.
 * <p>
 * Stored in the plan's events: {@code coLeads} and {@code allCommittees} were added as optional fields, so that an
 * event stored as {@code {lead, involved}} reads with no co-leads and without the marker. Names are compared ignoring
 * case and spacing (by {@link PartyNames#key}): a lead or involved party named twice is
 * kept once, the first time, and an involved party that is a lead is not involved besides.
 */
public record Responsibility(String lead, List<String> involved, List<String> coLeads, Boolean allCommittees) {

    /** How "every committee" is written in the plans: "samtliga nämnder". */
    public static final String ALL_COMMITTEES = "samtliga nämnder";

    /** At most this many lead parties, the first one included. */
    public static final int LEADS_MAX = 10;

    /** At most this many involved parties. */
    public static final int INVOLVED_MAX = 30;

    public Responsibility {
        boolean everyCommittee = Boolean.TRUE.equals(allCommittees);
        Map<String, String> leads = new LinkedHashMap<>();
        List<String> written = new ArrayList<>();
        if (lead != null) {
            String first = Values.text(lead, "lead party", 200);
            if (first != null) {
                written.add(first);
            }
        }
        for (String party : coLeads == null ? List.<String>of() : coLeads) {
            String name = Values.text(party, "co-lead party", 200);
            if (name != null) {
                written.add(name);
            }
        }
        for (String name : written) {
            if (key(name).equals(ALL_COMMITTEES)) {
                everyCommittee = true;
            } else {
                leads.putIfAbsent(key(name), name);
            }
        }
        if (leads.isEmpty() && !everyCommittee && InputRules.apply()) {
            throw new IllegalArgumentException("lead party must not be blank");
        }
        if (leads.size() > LEADS_MAX && InputRules.apply()) {
            throw new IllegalArgumentException("at most " + LEADS_MAX + " lead parties, but got " + leads.size());
        }
        Map<String, String> distinct = new LinkedHashMap<>();
        for (String party : involved == null ? List.<String>of() : involved) {
            String name = Values.text(party, "involved party", 200);
            if (name != null && !leads.containsKey(key(name))) {
                distinct.putIfAbsent(key(name), name);
            }
        }
        if (distinct.size() > INVOLVED_MAX && InputRules.apply()) {
            throw new IllegalArgumentException("at most " + INVOLVED_MAX + " involved parties, but got "
                    + distinct.size());
        }
        List<String> named = List.copyOf(leads.values());
        lead = named.isEmpty() ? null : named.get(0);
        coLeads = named.isEmpty() ? List.of() : named.subList(1, named.size());
        involved = List.copyOf(distinct.values());
        allCommittees = everyCommittee;
    }

    /** One lead party and any involved parties, as before joint leads. */
    public Responsibility(String lead, List<String> involved) {
        this(lead, involved, null, null);
    }

    public static Responsibility of(String lead, String... involved) {
        return new Responsibility(lead, List.of(involved));
    }

    /** Led jointly by the given parties (the first is {@link #lead()}), with the given involved parties. */
    public static Responsibility jointly(List<String> leads, List<String> involved) {
        return leads.isEmpty() ? new Responsibility(null, involved, null, null)
                : new Responsibility(leads.get(0), involved, leads.subList(1, leads.size()), null);
    }

    /** Every named lead party, the first one first; empty when only all committees lead. */
    public List<String> leads() {
        List<String> leads = new ArrayList<>();
        if (lead != null) {
            leads.add(lead);
        }
        leads.addAll(coLeads);
        return List.copyOf(leads);
    }

    /** The leads as written in a plan: the named parties, then "samtliga nämnder" when all committees lead. */
    public String leadsText() {
        List<String> names = new ArrayList<>(leads());
        if (allCommittees) {
            names.add(ALL_COMMITTEES);
        }
        return String.join("; ", names);
    }

    private static String key(String name) {
        return PartyNames.key(name);
    }
}
