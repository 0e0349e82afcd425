/**
 * Autogenerate: the difference between two catalogs (what the migrations make, what the model
 * wants) as the ops of a new migration, in the order their references need.
 */
package dev.retort.runtime.autogen;
