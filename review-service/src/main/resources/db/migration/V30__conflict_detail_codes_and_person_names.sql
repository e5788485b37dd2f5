-- Conflict reasons are translated by code, not by matching English sentences: each conflict records
-- what its detail says as a code with arguments (names, years, notes), beside the English sentence
-- kept in detail (the record, and a manager's own words, code NONE).
alter table conflict add column detail_code varchar(40) not null default 'NONE'
    check (detail_code in ('NONE','WORKS_AT','WORKED_AT','TEAM_MEMBER','CO_APPLIED','RELATIONSHIP',
                           'RELATIONSHIP_NOTE','DECLARED','DECLARED_NOTE','RELATIONSHIP_PERSON',
                           'RELATIONSHIP_PERSON_NOTE','CO_APPLIED_PERSON'));
alter table conflict add column detail_arguments text[] not null default '{}';

-- Existing rows: the sentences the rules wrote until now become their codes (the most specific
-- form first; a manager's MANUAL text is never a rule's sentence and stays NONE).
update conflict set detail_code = 'WORKED_AT',
                    detail_arguments = array[substring(detail from '^worked at (.+) until \d{4}$'),
                                             substring(detail from '^worked at .+ until (\d{4})$')]
 where reason = 'ORGANISATION' and detail ~ '^worked at .+ until \d{4}$';
update conflict set detail_code = 'WORKS_AT', detail_arguments = array[substring(detail from '^works at (.+)$')]
 where reason = 'ORGANISATION' and detail ~ '^works at .+$';
update conflict set detail_code = 'TEAM_MEMBER'
 where reason = 'TEAM_MEMBER' and detail = 'is on the team of the item';
update conflict set detail_code = 'CO_APPLIED',
                    detail_arguments = array[substring(detail from '^applied together with the leader in (\d{4})$')]
 where reason = 'CO_APPLIED_WITH_LEADER' and detail ~ '^applied together with the leader in \d{4}$';
update conflict set detail_code = 'RELATIONSHIP_NOTE',
                    detail_arguments = array[substring(detail from '^declared relationship: (.+)$')]
 where reason = 'DECLARED' and detail ~ '^declared relationship: .+$';
update conflict set detail_code = 'RELATIONSHIP'
 where reason = 'DECLARED' and detail = 'declared relationship';
-- an expert's own words may run over lines: (?s) lets . match them
update conflict set detail_code = 'DECLARED_NOTE',
                    detail_arguments = array[substring(detail from '(?s)^declared by the expert: (.+)$')]
 where reason = 'DECLARED' and detail ~ '(?s)^declared by the expert: .+$';
update conflict set detail_code = 'DECLARED'
 where reason = 'DECLARED' and detail = 'declared by the expert';

-- The leader of an item by name and organisation (name keys, platform's PersonNameKey), sent by the
-- owner beside its own key; members' name keys ride in member_person_keys with their other keys.
alter table review_item add column leader_name_keys text[] not null default '{}';

-- Expert profiles give joint applicants and related persons by name and organisation now. Rows saved
-- before carry only the typed key: they are given the same shape (no name, no organisation), and the
-- key they carry is still matched.
update expert set co_applications = (
    select coalesce(jsonb_agg('{"personName": "", "organisationId": null, "organisationName": ""}'::jsonb || c
                              order by n), '[]'::jsonb)
      from jsonb_array_elements(co_applications) with ordinality as e(c, n))
 where jsonb_array_length(co_applications) > 0;
update expert set relationships = (
    select coalesce(jsonb_agg('{"personName": "", "organisationId": null, "organisationName": ""}'::jsonb || r
                              order by n), '[]'::jsonb)
      from jsonb_array_elements(relationships) with ordinality as e(r, n))
 where jsonb_array_length(relationships) > 0;
