package db.migration.common;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import se.asfplan.infra.chain.EventChain;

/**
 * Chains the events a database already held when the chain was introduced (an upgrade), in the order of their
 * positions, in the migration's transaction: the service starts with every event chained. On a new database there
 * is nothing to chain. From then on every append chains its own events (see {@code EventChain}).
 */
public class V301__ChainExistingEvents extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        EventChain.chainEverythingAfterHead(context.getConnection(), 5_000);
    }
}
