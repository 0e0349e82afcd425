/** The messaging backend's revisions, oldest first: the tables, an index for the inbox, display names. */
package dev.retort.samples.messaging.migrations;
