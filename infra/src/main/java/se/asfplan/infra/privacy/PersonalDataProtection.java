package se.asfplan.infra.privacy;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import se.asfplan.domain.enterprise.LegalForm;
import se.asfplan.domain.enterprise.SocialEnterprise;
import se.asfplan.domain.shared.PersonalIdentityNumbers;
import se.asfplan.domain.shared.PersonalNames;
import se.asfplan.infra.privacy.PersonalDataKeyStore.Absent;
import se.asfplan.infra.privacy.PersonalDataKeyStore.Active;
import se.asfplan.infra.privacy.PersonalDataKeyStore.Destroyed;
import se.asfplan.infra.privacy.PersonalDataKeyStore.KeyState;

/**
 * What the stored form of an event does with personal data, on the event's JSON tree: {@link #protect} before it is
 * stored, {@link #reveal} when it is read back (by Axon, and by the history, which reads the stored JSON).
 *
 * <p>A name that may identify a person is an enterprise's {@code details.name} when its {@code details.legalForm}
 * is {@code ENSKILD_FIRMA} (a sole trader is usually named after its owner); its subject is the event's
 * {@code enterpriseId}. It is stored as {@code {"keyId": <subject>, "ciphertext": <AES-GCM>}} in place of the text.
 * Reading it back answers the name while the subject's key exists, {@link PersonalNames#ERASED} once it is
 * destroyed. A name stored in clear before this protection existed is answered as it is, or as erased when the
 * subject's key is destroyed (the clear text stays in the log: see docs/privacy.md).
 *
 * <p>Every text of an event read back also passes the personnummer screen: a personal identity or coordination
 * number in it is masked ({@link PersonalIdentityNumbers#mask}). Texts that are a UUID as a whole (event ids a
 * retraction names) are left as they are.
 */
public class PersonalDataProtection {

    static final String KEY_ID = "keyId";
    static final String CIPHERTEXT = "ciphertext";
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PersonalDataKeyStore keys;

    public PersonalDataProtection(PersonalDataKeyStore keys) {
        this.keys = keys;
    }

    /** Encrypts the personal name of the event tree, if it holds one, in place. */
    public void protect(JsonNode event) {
        NameField field = personalName(event);
        if (field == null || !field.name().isTextual() || PersonalNames.isErased(field.name().asText())) {
            return;
        }
        byte[] key = keys.keyFor(field.subject());
        ObjectNode sealed = field.details().objectNode();
        sealed.put(KEY_ID, field.subject());
        sealed.put(CIPHERTEXT, NameCipher.encrypt(key, field.subject(), field.name().asText()));
        field.details().set("name", sealed);
    }

    /**
     * The event tree as reads show it, in place: the personal name decrypted, or {@link PersonalNames#ERASED} once
     * its key is destroyed; every personnummer in a text masked.
     */
    public void reveal(JsonNode event) {
        NameField field = personalName(event);
        if (field != null) {
            JsonNode name = field.name();
            if (name.isObject()) {
                field.details().put("name", decrypt(field.subject(), (ObjectNode) name));
            } else if (name.isTextual() && keys.state(field.subject()) instanceof Destroyed) {
                field.details().put("name", PersonalNames.ERASED);
            }
        }
        mask(event);
    }

    private String decrypt(String subject, ObjectNode sealed) {
        String keyId = sealed.path(KEY_ID).asText(subject);
        KeyState state = keys.state(keyId);
        if (state instanceof Destroyed) {
            return PersonalNames.ERASED;
        }
        if (state instanceof Absent) {
            throw new IllegalStateException("the name of " + subject + " is stored encrypted under key " + keyId
                    + ", which personal_data_key does not hold (and does not record as destroyed)");
        }
        return NameCipher.decrypt(((Active) state).key(), keyId, sealed.path(CIPHERTEXT).asText());
    }

    /** The personal name field of the event, when it has one: a sole trader's details. */
    private static NameField personalName(JsonNode event) {
        if (event == null || !event.isObject()) {
            return null;
        }
        JsonNode enterpriseId = event.get("enterpriseId");
        JsonNode details = event.get("details");
        if (enterpriseId == null || !enterpriseId.isTextual() || details == null || !details.isObject()) {
            return null;
        }
        JsonNode name = details.get("name");
        if (name == null || !LegalForm.ENSKILD_FIRMA.name().equals(details.path("legalForm").asText())) {
            return null;
        }
        return new NameField(SocialEnterprise.PERSONAL_DATA_SUBJECT_PREFIX + enterpriseId.asText(),
                (ObjectNode) details, name);
    }

    private record NameField(String subject, ObjectNode details, JsonNode name) {
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    field.setValue(masked((TextNode) field.getValue()));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, masked((TextNode) array.get(i)));
                } else {
                    mask(array.get(i));
                }
            }
        }
    }

    private static TextNode masked(TextNode text) {
        String value = text.asText();
        if (!PersonalIdentityNumbers.mayHoldNumber(value) || UUID.matcher(value).matches()) {
            return text;
        }
        String masked = PersonalIdentityNumbers.mask(value);
        return masked.equals(value) ? text : TextNode.valueOf(masked);
    }
}
