package dev.retort.samples.chatroom.migrations;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

/** The seed's "Adding an Index": a room's messages, newest first, is the query every page runs. */
@Revision(id = "d4f6b8c03245", revises = "c3e5a7b92134", message = "Add index on messages.room_id")
public final class AddIndexOnMessagesRoomId implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.createIndex("ix_messages_room_id_created_at", "messages", i -> i.columns("room_id").descending("created_at"));
    }
}
