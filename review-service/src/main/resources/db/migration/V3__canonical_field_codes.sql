-- One code system for priority fields across the suite (project-service's reference data): items
-- handed over by talent-service and experts' fields of expertise used the talent programs' own codes.
create function pg_temp.canonical_field(code text) returns text language sql immutable as $$
    select case code
        when 'VISIBLE_LIGHT_COMMUNICATION' then 'visible-light-communication'
        when 'INTELLIGENT_ROBOTS' then 'intelligent-industrial-robots'
        when 'NEV_BATTERIES' then 'nev-batteries-power-systems'
        when 'ADDITIVE_MANUFACTURING' then 'additive-manufacturing'
        else code
    end
$$;

update review_item
   set field_codes = array(select distinct pg_temp.canonical_field(f) from unnest(field_codes) as f)
 where field_codes && array['VISIBLE_LIGHT_COMMUNICATION','INTELLIGENT_ROBOTS','NEV_BATTERIES','ADDITIVE_MANUFACTURING'];

update expert
   set field_codes = array(select distinct pg_temp.canonical_field(f) from unnest(field_codes) as f)
 where field_codes && array['VISIBLE_LIGHT_COMMUNICATION','INTELLIGENT_ROBOTS','NEV_BATTERIES','ADDITIVE_MANUFACTURING'];
