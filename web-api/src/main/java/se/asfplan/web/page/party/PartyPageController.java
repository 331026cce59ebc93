package se.asfplan.web.page.party;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import se.asfplan.domain.party.PartyId;
import se.asfplan.projections.party.PartyQueries.PartyView;

/**
 * {@code /parter}: the register of parties (nämnder, förvaltningar, bolag, external bodies), searchable by name and
 * municipality; {@code /parter/{partyId}}: one party with every name it has had. Every role.
 */
@Controller
class PartyPageController {

    private final PartyPageReader directory;

    PartyPageController(PartyPageReader directory) {
        this.directory = directory;
    }

    /** A party as the list shows it. */
    public record PartyRow(String partyId, String name, String abbreviation, String kind, String municipality) {
    }

    @GetMapping("/parter")
    String parties(@RequestParam(name = "q", required = false) String search, Model model) {
        String query = search == null ? "" : search.strip();
        if (query.length() > 200) {
            throw new IllegalArgumentException("search too long");
        }
        Locale swedish = Locale.forLanguageTag("sv");
        String needle = query.toLowerCase(swedish);
        List<PartyView> all = directory.parties(null);
        List<PartyRow> rows = all.stream()
                .filter(party -> needle.isEmpty() || party.names().stream()
                        .anyMatch(name -> name.name().toLowerCase(swedish).contains(needle))
                        || party.name().toLowerCase(swedish).contains(needle)
                        || party.abbreviation() != null && party.abbreviation().toLowerCase(swedish).contains(needle)
                        || party.municipality() != null && party.municipality().toLowerCase(swedish).contains(needle))
                .map(party -> new PartyRow(party.partyId().value(), party.name(), party.abbreviation(),
                        PartyKinds.swedishName(party.kind()), party.municipality()))
                .toList();
        model.addAttribute("parties", rows);
        model.addAttribute("registered", all.size());
        model.addAttribute("search", query);
        return "party/parties";
    }

    @GetMapping("/parter/{partyId}")
    String party(@PathVariable String partyId, Model model) {
        PartyView party = directory.party(new PartyId(partyId));
        UriComponentsBuilder details = UriComponentsBuilder.fromPath("/formular/party-details")
                .queryParam("partyId", partyId).queryParam("name", party.name())
                .queryParam("kind", party.kind().name());
        if (party.abbreviation() != null) {
            details.queryParam("abbreviation", party.abbreviation());
        }
        if (party.municipality() != null) {
            details.queryParam("municipality", party.municipality());
        }
        model.addAttribute("party", party);
        model.addAttribute("kind", PartyKinds.swedishName(party.kind()));
        model.addAttribute("detailsForm", details.encode().build().toUriString());
        model.addAttribute("nameForm", UriComponentsBuilder.fromPath("/formular/party-names")
                .queryParam("partyId", partyId).encode().build().toUriString());
        return "party/party";
    }
}
