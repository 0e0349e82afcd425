/**
 * The seed's SQLModel models as JPA entities, the model {@code revision --autogenerate} reads
 * ({@code --model jpa:dev.retort.samples.todo.model}): users, conversations, messages, tasks, as
 * the initial schema has them. Only {@code jakarta.persistence} annotations: what JPA cannot say
 * portably (a server default, {@code ON DELETE CASCADE}, PostgreSQL's {@code timestamp with time
 * zone} without a precision) is said in the SQL fragments JPA 3.2 passes through
 * ({@code columnDefinition}, {@code options}), written for PostgreSQL, the seed's database.
 */
package dev.retort.samples.todo.model;
