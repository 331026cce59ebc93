package se.asfplan.projections.generation;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a read model owns, beside its {@code @ProcessingGroup}: every one holds a {@code generation} column,
 * first in its primary key and in every key that refers to another of its tables. Listed in an order in which the
 * rows of a generation can be deleted table by table: a table that others refer to comes after them.
 * {@code ReadModelCatalogueIT} checks the list against the database.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadModelTables {

    String[] value();
}
