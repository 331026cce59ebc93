/**
 * Personal data in the event log that can be erased (crypto-shredding): a sole trader's name is stored encrypted
 * under a key of its own, kept in {@code personal_data_key} outside the log; destroying the key erases the name
 * from every read while every stored event stays byte for byte as it was. Also the personnummer screen applied when
 * stored events are read back. See docs/privacy.md.
 */
package se.asfplan.infra.privacy;
