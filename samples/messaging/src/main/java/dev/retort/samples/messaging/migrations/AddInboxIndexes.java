package dev.retort.samples.messaging.migrations;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

/** Indexes for the two queries the app runs most: a user's inbox, newest first, and their sent messages. */
@Revision(id = "2b6f0c1d9e4a", revises = "753d9557b07b", message = "add indexes for inbox and sent queries")
public final class AddInboxIndexes implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.createIndex("ix_messages_recipient_id_created_at", "messages", "recipient_id", "created_at");
        op.createIndex("ix_messages_sender_id", "messages", "sender_id");
    }
}
