/**
 * The Spring Boot integration: runs Retort's upgrade at an application's start, before anything
 * that uses the schema (JPA, jOOQ, JdbcTemplate), configured by {@code spring.retort.*}.
 *
 * <p>Works on Spring Boot 3.5 and 4.0 from one jar: it names the classes that moved in 4.0 only
 * by string ({@code afterName}, slice {@code .imports} files for both lines), and uses only types
 * whose packages both lines share.
 */
package dev.retort.spring;
