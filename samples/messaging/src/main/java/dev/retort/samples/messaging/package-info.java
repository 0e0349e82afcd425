/**
 * The messaging backend of seeds/000: users and messages. {@link dev.retort.samples.messaging.MessagingApp}
 * upgrades its database to head at every start, as the seed's {@code alembic upgrade head} did.
 */
package dev.retort.samples.messaging;
