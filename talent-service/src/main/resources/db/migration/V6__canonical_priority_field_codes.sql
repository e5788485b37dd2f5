-- One code system for priority fields across the suite: project-service's reference data
-- (lower-case, dash-separated). The talent programs' four province-city linked fields had codes
-- of their own, so experts' fields of expertise never matched them.
create function pg_temp.canonical_field(code text) returns text language sql immutable as $$
    select case code
        when 'VISIBLE_LIGHT_COMMUNICATION' then 'visible-light-communication'
        when 'INTELLIGENT_ROBOTS' then 'intelligent-industrial-robots'
        when 'NEV_BATTERIES' then 'nev-batteries-power-systems'
        when 'ADDITIVE_MANUFACTURING' then 'additive-manufacturing'
        else code
    end
$$;

update talent_call
   set priority_fields = array(select pg_temp.canonical_field(f) from unnest(priority_fields) with ordinality as t(f, n) order by n)
 where priority_fields && array['VISIBLE_LIGHT_COMMUNICATION','INTELLIGENT_ROBOTS','NEV_BATTERIES','ADDITIVE_MANUFACTURING'];

update talent_application
   set priority_field = pg_temp.canonical_field(priority_field)
 where priority_field in ('VISIBLE_LIGHT_COMMUNICATION','INTELLIGENT_ROBOTS','NEV_BATTERIES','ADDITIVE_MANUFACTURING');
