/**
 * The kinds of fact a retraction can name, as the read models undo them: {@link
 * se.asfplan.domain.retraction.FactType} resolves the name a stored retraction carries to the event that recorded
 * the fact. The aggregates do not use it (they store the name each event carries in its
 * {@link se.asfplan.domain.shared.FactName}), so this package depends on the features and none of them on it.
 */
package se.asfplan.domain.retraction;
