-- run once by the postgres image on an empty data directory
CREATE DATABASE jiangmen_talent;
CREATE DATABASE jiangmen_review;
CREATE DATABASE jiangmen_project;
CREATE DATABASE jiangmen_funding;
CREATE DATABASE keycloak;
