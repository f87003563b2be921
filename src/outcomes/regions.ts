/**
 * Region of return: the UN M49 geographic region of the country of return (its intermediate
 * region in Africa and the Americas, where the sub-region is too wide to mean anything for
 * return: "Sub-Saharan Africa", "Latin America and the Caribbean"). The instrument records the
 * province and town of return only as free text (A2.region, A2.locality), which never leaves the
 * device, so the region here is derived from the coded country (A2). Source: UN Statistics
 * Division, Standard country or area codes for statistical use (M49).
 */
const members: Readonly<Record<string, string>> = {
  northern_africa: 'dz eg ly ma sd tn eh',
  eastern_africa: 'io bi km dj er et tf ke mg mw mu yt mz re rw sc so ss ug tz zm zw',
  middle_africa: 'ao cm cf td cg cd gq ga st',
  southern_africa: 'bw sz ls na za',
  western_africa: 'bj bf cv ci gm gh gn gw lr ml mr ne ng sh sn sl tg',
  caribbean: 'ai ag aw bs bb bq vg ky cu cw dm do gd gp ht jm mq ms pr bl kn lc mf vc sx tt tc vi',
  central_america: 'bz cr sv gt hn mx ni pa',
  south_america: 'ar bo bv br cl co ec fk gf gy py pe gs sr uy ve',
  northern_america: 'bm ca gl pm us',
  central_asia: 'kz kg tj tm uz',
  eastern_asia: 'cn hk mo kp jp mn kr tw',
  south_eastern_asia: 'bn kh id la my mm ph sg th tl vn',
  southern_asia: 'af bd bt in ir mv np pk lk',
  western_asia: 'am az bh cy ge iq il jo kw lb om qa sa ps sy tr ae ye',
  eastern_europe: 'by bg cz hu pl md ro ru sk ua',
  northern_europe: 'ax dk ee fo fi gg is ie im je lv lt no sj se gb',
  southern_europe: 'al ad ba hr gi gr va it mt me mk pt sm rs si es xk',
  western_europe: 'at be fr de li lu mc nl ch',
  australia_new_zealand: 'au cx cc hm nz nf',
  melanesia: 'fj nc pg sb vu',
  micronesia: 'gu ki mh fm nr mp pw um',
  polynesia: 'as ck pf nu pn ws tk to tv wf',
  // Antarctica has no M49 region; no one is returned there, but the country list offers it.
  antarctica: 'aq',
};

export const returnRegions: readonly string[] = Object.keys(members);

/** Every country code the instrument's A2 offers, in region order. */
export const returnCountries: readonly string[] = Object.values(members).flatMap((codes) => codes.split(' '));

const regionOf = new Map<string, string>(
  Object.entries(members).flatMap(([region, codes]) => codes.split(' ').map((c) => [c, region] as const)),
);

/** The region of an ISO 3166-1 alpha-2 code (lower case, as the instrument's A2 options are), or null. */
export function returnRegion(country: string): string | null {
  return regionOf.get(country) ?? null;
}
