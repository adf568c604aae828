/** The bot scopes the app asks for when installed through OAuth; manifest.json lists the same (a test checks). */
export const BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'users:read', 'files:write'];
