/**
 * The JPA model source, a model stage outside the runtime: {@code model=jpa:com.example.model}
 * has Hibernate ORM create the schema its entities describe in the scratch database, where the
 * runtime's introspection reads it back for {@code revision --autogenerate}. Nothing here knows
 * JPA's mapping rules; Hibernate applies them, with the user's settings.
 *
 * <p>Flow: {@link dev.retort.hibernate.JpaModelSource} parses the spec, {@code ModelClasses}
 * finds the annotated classes in the packages, {@code HibernateSchema} builds Hibernate's
 * metadata and runs its schema creation on the borrowed connection; on SQLite through
 * {@link dev.retort.hibernate.RetortSQLiteDialect}, which writes the foreign keys and unique
 * constraints the community dialect leaves out.
 */
package dev.retort.hibernate;
