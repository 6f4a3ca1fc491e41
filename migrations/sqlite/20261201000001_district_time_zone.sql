-- The district's time zone (IANA name): times are shown in it. Russia's zones keep one offset
-- all year, so the name is all the app needs (domain::models::TimeZone).
ALTER TABLE districts ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Moscow';
