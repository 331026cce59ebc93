/**
 * Technical wiring: the Axon JDBC event store and token store on the application's database, Jackson as the one
 * serializer, Flyway migrations, and the plan-file import. The web application and the command line share it.
 */
package se.asfplan.infra;
